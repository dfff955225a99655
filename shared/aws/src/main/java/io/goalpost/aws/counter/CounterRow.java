package io.goalpost.aws.counter;

import io.goalpost.core.counter.Counter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One shard of a counter, and what an operation adds to it: pk {@code STAT#LINK#<slug>} or
 * {@code STAT#PRODUCT#<productId>}, sk {@code DAY#<yyyy-mm-dd>#<shard>}.
 */
record CounterRow(String pk, String sk, Map<String, Long> amounts) {

  static final String DAY = "DAY#";
  /** A hot link's clicks are spread over this many items, so no single item takes every write. */
  static final int SHARDS = 4;

  CounterRow {
    amounts = Map.copyOf(amounts);
  }

  static CounterRow of(Counter counter, String opId, Map<String, Long> amounts) {
    return new CounterRow(pk(counter.subject(), counter.id()),
        DAY + counter.day() + "#" + shardOf(opId), amounts);
  }

  static String pk(Counter.Subject subject, String id) {
    return "STAT#" + subject.name() + "#" + id;
  }

  static LocalDate dayOf(String sk) {
    return LocalDate.parse(sk.substring(DAY.length(), DAY.length() + 10));
  }

  /**
   * The shard is a function of the operation id, never random: every attempt at one operation
   * computes the very rows its apply record holds, so a redelivery — even one that never got to
   * read the record — lands on the shard whose in-flight set already names it. CRC32 is fixed by
   * its specification (unlike a hash a runtime may change), so the choice outlives any upgrade.
   */
  static int shardOf(String opId) {
    CRC32 crc = new CRC32();
    crc.update(opId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % SHARDS);
  }

  Map<String, AttributeValue> key() {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
