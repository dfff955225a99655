package io.goalpost.testing;

import io.goalpost.core.event.Outbox;

class InMemoryOutboxTest extends OutboxContract {

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Override
    protected Outbox outbox() {
        return outbox;
    }
}
