package io.goalpost.core.event;

/** Hands events to the worker. May throw when the queue is unreachable or slow; callers decide what then. */
@FunctionalInterface
public interface EventQueue {

    void publish(TrackingEvent event);
}
