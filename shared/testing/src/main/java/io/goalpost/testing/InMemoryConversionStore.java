package io.goalpost.testing;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.counter.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Conversions and their references in memory, with the same compare-and-set on the version as
 * the DynamoDB store; {@link ConversionStoreContract} keeps the two alike. Thread-safe.
 */
public final class InMemoryConversionStore implements ConversionStore {

  private final Map<String, ConversionRecord> records = new HashMap<>();
  private final Map<String, TreeSet<String>> byClick = new HashMap<>();
  private final Map<String, TreeSet<Conversion>> byVisitor = new HashMap<>();

  @Override
  public synchronized ConversionRecord putIfAbsent(Conversion conversion) {
    return records.computeIfAbsent(conversion.id(), id -> ConversionRecord.fresh(conversion));
  }

  @Override
  public synchronized Optional<ConversionRecord> find(String conversionId) {
    return Optional.ofNullable(records.get(conversionId));
  }

  @Override
  public synchronized Map<String, ConversionRecord> findAll(List<String> conversionIds) {
    Map<String, ConversionRecord> found = new HashMap<>();
    for (String id : conversionIds) {
      ConversionRecord record = records.get(id);
      if (record != null) {
        found.put(id, record);
      }
    }
    return Map.copyOf(found);
  }

  @Override
  public synchronized boolean changeCredit(String conversionId, long expectedVersion, Credit credit,
      Operation pending) {
    ConversionRecord stored = records.get(conversionId);
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    records.put(conversionId, new ConversionRecord(stored.conversion(), credit, expectedVersion + 1, pending));
    return true;
  }

  @Override
  public synchronized void clearPending(String conversionId, String operationId) {
    ConversionRecord stored = records.get(conversionId);
    if (stored != null && stored.pending() != null && stored.pending().id().equals(operationId)) {
      records.put(conversionId, new ConversionRecord(stored.conversion(), stored.credit(), stored.version(), null));
    }
  }

  @Override
  public synchronized void referFromClick(String clickId, String conversionId) {
    byClick.computeIfAbsent(clickId, c -> new TreeSet<>()).add(conversionId);
  }

  @Override
  public synchronized List<String> namingClick(String clickId) {
    return List.copyOf(byClick.getOrDefault(clickId, new TreeSet<>()));
  }

  @Override
  public synchronized void referFromVisitor(Conversion conversion) {
    byVisitor.computeIfAbsent(conversion.identity(), v -> new TreeSet<>(Conversion.BY_TIME)).add(conversion);
  }

  @Override
  public synchronized List<Conversion> ofVisitor(String visitorId) {
    return List.copyOf(byVisitor.getOrDefault(visitorId, new TreeSet<>(Conversion.BY_TIME)));
  }

  /** Erasure of an identity's conversion references; the conversions stay (docs/decisions/007), as the DynamoDB one deletes the visitor's partition. */
  public synchronized void forget(String visitorId) {
    byVisitor.remove(visitorId);
  }
}
