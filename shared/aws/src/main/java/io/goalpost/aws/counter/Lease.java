package io.goalpost.aws.counter;

import java.time.Duration;
import java.util.UUID;

/**
 * Who is applying an operation, and until when (epoch milliseconds) nobody else may. It is a
 * promise in time, not a lock: it holds because a worker cannot outlive its Lambda timeout, and
 * {@link #LENGTH} is three times that timeout (template.yaml: 10 s), so once a lease has run out
 * its owner has stopped writing. Raise {@link #LENGTH} with the worker's timeout; keep it below
 * the queue's visibility timeout (60 s), so a redelivery after a crash finds the lease run out.
 */
record Lease(String owner, long until) {

  static final Duration LENGTH = Duration.ofSeconds(30);

  /** A lease for one apply call: a token no other call holds, running from {@code now}. */
  static Lease startingAt(long now) {
    return new Lease(UUID.randomUUID().toString(), now + LENGTH.toMillis());
  }

  boolean liveAt(long now) {
    return now < until;
  }
}
