package io.goalpost.functions.beacon;

import io.goalpost.core.beacon.DropReason;
import io.goalpost.core.beacon.PageEventFields;

/** A request to {@code POST /e} or {@code GET /e.gif}, read as far as its fields, or why it could not be. */
sealed interface EventInput {

    record Fields(PageEventFields fields) implements EventInput {
    }

    record Unreadable(DropReason reason, String message) implements EventInput {
    }
}
