package io.goalpost.local.stack;

import java.time.Duration;

/**
 * How the local stack departs from the template.
 *
 * @param visibilityTimeout every queue's visibility timeout instead of the template's, or
 *     {@code null} to keep the template's; whole seconds, as SQS counts them
 */
public record LocalStackOptions(Duration visibilityTimeout) {

  /**
   * Locally a failed message comes back after 2 s instead of the template's minute, so the
   * dev server and the tests show redelivery and dead-lettering in seconds.
   */
  public static final Duration LOCAL_VISIBILITY_TIMEOUT = Duration.ofSeconds(2);

  public LocalStackOptions {
    if (visibilityTimeout != null
        && (visibilityTimeout.isNegative() || visibilityTimeout.toMillis() % 1000 != 0)) {
      throw new IllegalArgumentException("visibility timeout must be whole seconds: "
          + visibilityTimeout);
    }
  }

  /** The local defaults: the shortened visibility timeout. */
  public static LocalStackOptions defaults() {
    return new LocalStackOptions(LOCAL_VISIBILITY_TIMEOUT);
  }

  /** Everything exactly as the template declares it. */
  public static LocalStackOptions asDeclared() {
    return new LocalStackOptions(null);
  }

  public LocalStackOptions withVisibilityTimeout(Duration timeout) {
    return new LocalStackOptions(timeout);
  }
}
