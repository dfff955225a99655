package io.goalpost.core.counter;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One counter row: the totals of one subject (a link or a product) on one UTC day.
 * Stats read a range of days of one subject.
 */
public record Counter(Subject subject, String id, LocalDate day) {

  public enum Subject { LINK, PRODUCT }

  public Counter {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(day, "day");
  }

  public static Counter link(String slug, LocalDate day) {
    return new Counter(Subject.LINK, slug, day);
  }

  public static Counter product(String productId, LocalDate day) {
    return new Counter(Subject.PRODUCT, productId, day);
  }
}
