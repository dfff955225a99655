package io.goalpost.local.devserver.e2e;

import static org.awaitility.Awaitility.await;

import io.goalpost.local.devserver.DevServer;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for the dev server's worker to be done, on the condition itself (its queues idle). */
public final class Settled {

  private static final Duration POLL = Duration.ofMillis(50);

  private Settled() {}

  /** Fails the test unless the worker has caught up within {@code limit}. */
  public static void within(DevServer server, Duration limit) {
    await("the worker caught up").atMost(limit).pollInterval(POLL).until(server::idle);
  }

  /**
   * A clean slate for the next test: lets the worker finish what is in flight (up to 30 s), then
   * empties tables and queues. A worker still busy after that is cut off by the purge, as before.
   */
  public static void reset(DevServer server) {
    try {
      within(server, Duration.ofSeconds(30));
    } catch (ConditionTimeoutException stillBusy) {
      // The purge below empties whatever is left; the next test starts clean either way.
    }
    server.reset();
  }
}
