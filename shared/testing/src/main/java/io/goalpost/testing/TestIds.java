package io.goalpost.testing;

import java.util.UUID;

/** Suffixes that keep one test's ids apart from another's in a shared store; letters and digits only. */
public final class TestIds {

  private TestIds() {
  }

  /** Twelve hex digits, fresh on every call. */
  public static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
