package io.goalpost.core.beacon;

/** Counts what the beacon dropped, by reason only: never an id, a URL or anything a visitor sent. */
@FunctionalInterface
public interface DropCounter {

    /** Must not throw: a count is never worth failing a request for. */
    void count(DropReason reason);
}
