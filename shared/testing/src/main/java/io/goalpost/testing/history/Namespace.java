package io.goalpost.testing.history;

import io.goalpost.testing.TestIds;

/**
 * Keeps one run's ids apart from every other run's in a shared table, and turns them back into
 * the history's short names ({@code v1}, {@code L0}) so two runs can be compared. A prefix, not a
 * suffix: ids of one run keep their relative order, and ties (by click id, by visitor id) are
 * broken by id, so every run breaks them alike.
 */
public record Namespace(String prefix) {

  public Namespace {
    if (!prefix.matches("[a-z0-9]{12}")) {
      throw new IllegalArgumentException("prefix must be 12 lower-case letters or digits");
    }
  }

  public static Namespace fresh() {
    return new Namespace(TestIds.suffix());
  }

  /** A visitor or click id, as Goalpost mints them: letters and digits, 16 to 32. */
  public String minted(String name) {
    return prefix + "0000" + name;
  }

  /** An order, payment, product or form id from outside, and slugs and channels. */
  public String external(String name) {
    return prefix + "-" + name;
  }

  /** The history's name of an id this namespace made; anything else unchanged. */
  public String nameOf(String id) {
    if (id == null) {
      return null;
    }
    if (id.startsWith(prefix + "0000")) {
      return id.substring(prefix.length() + 4);
    }
    return id.startsWith(prefix + "-") ? id.substring(prefix.length() + 1) : id;
  }
}
