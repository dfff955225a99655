package io.goalpost.aws.wiring;

import io.goalpost.core.attribution.EventRecorder;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What the attribution worker's handler works with: the recorder of queue events, and the
 * outbox re-drive the 1-minute schedule runs (answers how many events it put back on the queue).
 */
public record WorkerDependencies(EventRecorder events, IntSupplier outboxRedrive) {

  public WorkerDependencies {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(outboxRedrive, "outboxRedrive");
  }
}
