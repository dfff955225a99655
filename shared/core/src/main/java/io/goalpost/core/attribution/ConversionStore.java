package io.goalpost.core.attribution;

import io.goalpost.core.counter.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions with their credit, and the references that let a late click find the conversions
 * it may change. Every read is strongly consistent; every write is one single-item write.
 */
public interface ConversionStore {

  /**
   * Stores the conversion unless one with its id is stored, and answers the stored record: the
   * first delivery's facts win, so every redelivery decides from the same conversion.
   */
  ConversionRecord putIfAbsent(Conversion conversion);

  Optional<ConversionRecord> find(String conversionId);

  /**
   * What {@link #find} answers for each of the ids, read together (the reconciliation report reads
   * a product's sales at once, docs/decisions/012): the stored ones by id; an unknown id is absent.
   * As strongly consistent as {@code find}. Ids may repeat. The default asks {@code find} once per
   * id, so a decorator in a test stays correct; the stores answer in few requests.
   */
  default Map<String, ConversionRecord> findAll(List<String> conversionIds) {
    Map<String, ConversionRecord> found = new HashMap<>();
    for (String id : conversionIds) {
      find(id).ifPresent(record -> found.put(id, record));
    }
    return found;
  }

  /**
   * Sets the credit (null = none) and the pending operation (null = none) and moves the version
   * to {@code expectedVersion + 1}, atomically and only if the stored version is
   * {@code expectedVersion}. Answers whether it did; false means another worker changed it first.
   */
  boolean changeCredit(String conversionId, long expectedVersion, Credit credit, Operation pending);

  /** Forgets the pending operation if it is still {@code operationId}; otherwise does nothing. */
  void clearPending(String conversionId, String operationId);

  /** Notes that the conversion names this click id; noting it again changes nothing. */
  void referFromClick(String clickId, String conversionId);

  /** The ids of the conversions that name the click, in id order. */
  List<String> namingClick(String clickId);

  /**
   * Notes, under the conversion's identity (the visitor id it carried, else {@code lead#<leadId>}),
   * the conversion with its facts (they never change), so one read lists an identity's
   * conversions; noting it again changes nothing.
   */
  void referFromVisitor(Conversion conversion);

  /** The conversions of the identity (a visitor id or {@code lead#<leadId>}), earliest first (ties by id), without their credits. */
  List<Conversion> ofVisitor(String visitorId);
}
