package io.goalpost.aws.attribution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute values as the worker's items spell them. */
final class Attributes {

  /**
   * Fixed-width UTC time with nanoseconds, so sort keys order by time ({@code Instant.toString}
   * varies in width). Items also keep the exact instant as {@code at}.
   */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Attributes() {
  }

  static String sortable(Instant at) {
    return SORTABLE.format(at);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  /** The text attribute, or null when the item has none. */
  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    return Instant.parse(text(item, name));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }
}
