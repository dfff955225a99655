package io.goalpost.core.event;

import java.time.Instant;

/**
 * An event the ingest functions put on the queue for the worker: small, versioned, with an id
 * (so a redelivery is recognised) and its event time.
 */
public sealed interface TrackingEvent permits ClickEvent, OrderEvent, PageEvent, LeadEvent {

    int version();

    String type();

    String eventId();

    Instant occurredAt();
}
