package io.goalpost.core.beacon;

import io.goalpost.core.event.PageEvent;
import java.util.Objects;

/** What became of one beacon request. */
public sealed interface BeaconResult {

    /** Recorded (on the queue, or with the fallback when the queue failed). */
    record Accepted(PageEvent event) implements BeaconResult {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Answered as if recorded, but dropped (counted under its reason): a bot is told nothing it
     * could learn to avoid, and has nothing to retry.
     */
    record Ignored(DropReason reason) implements BeaconResult {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Refused, with a reason for the page's developer; the message echoes no input. */
    record Refused(DropReason reason, String message) implements BeaconResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
