package io.goalpost.aws.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The wire form of queue messages, written by the ingest functions and read by the worker with
 * this same codec. Every message carries {@code v} and {@code type}, so the reader can refuse
 * (and dead-letter) what it does not understand instead of guessing. Older versions that may
 * still sit in the outbox or the dead-letter queue are read too: a version 1 click (without
 * {@code bot} and {@code clicker}) is a person's, clicked by its visitor id, else by itself. A
 * version 1 order carried its email in clear; it is read without it (docs/decisions/011), so the
 * sale still counts and the clear email goes no further than the message it came in.
 *
 * <pre>{"v":3,"type":"click","eventId":"…","occurredAt":"2025-04-01T09:30:00Z","slug":"…","clickId":"…","visitorId":"…",
 *  "bot":false,"clicker":"h#…","leadId":"…"}
 * {"v":1,"type":"lead","eventId":"…","occurredAt":"…","kind":"opt_in","leadId":"…","visitorId":"…","clickId":"…","formId":"…"}
 * {"v":2,"type":"order","eventId":"orders:msg_…","occurredAt":"…","kind":"sale","orderId":"…","paymentId":"…",
 *  "productId":"…","amount":4900,"currency":"USD","sealedEmail":"v1.…","visitorId":"…","clickId":"…"}</pre>
 */
public final class EventJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String encode(TrackingEvent event) {
        return toTree(event).toString();
    }

    /** The event as a JSON object, e.g. to embed in a log line. */
    public ObjectNode toTree(TrackingEvent event) {
        ObjectNode json = mapper.createObjectNode()
                .put("v", event.version())
                .put("type", event.type())
                .put("eventId", event.eventId())
                .put("occurredAt", event.occurredAt().toString());
        if (event instanceof ClickEvent click) {
            json.put("slug", click.slug()).put("clickId", click.clickId());
            putIfPresent(json, "visitorId", click.visitorId());
            json.put("bot", click.bot()).put("clicker", click.clicker());
            putIfPresent(json, "leadId", click.leadId());
        } else if (event instanceof OrderEvent order) {
            json.put("kind", order.kind().wireName()).put("orderId", order.orderId());
            putIfPresent(json, "paymentId", order.paymentId());
            json.put("productId", order.productId()).put("amount", order.amount()).put("currency", order.currency());
            putIfPresent(json, "sealedEmail", order.sealedEmail());
            putIfPresent(json, "visitorId", order.visitorId());
            putIfPresent(json, "clickId", order.clickId());
        } else if (event instanceof LeadEvent lead) {
            json.put("kind", lead.kind().wireName()).put("leadId", lead.leadId());
            putIfPresent(json, "visitorId", lead.visitorId());
            putIfPresent(json, "clickId", lead.clickId());
            putIfPresent(json, "formId", lead.formId());
        } else if (event instanceof PageEvent page) {
            json.put("kind", page.kind().wireName()).put("url", page.url());
            putIfPresent(json, "referrer", page.referrer());
            json.put("consent", page.consent().wireName());
            putIfPresent(json, "visitorId", page.visitorId());
            putIfPresent(json, "clickId", page.clickId());
            putIfPresent(json, "formId", page.formId());
            putIfPresent(json, "productId", page.productId());
        }
        return json;
    }

    /** @throws IllegalArgumentException when the message is not an event this version understands */
    public TrackingEvent decode(String message) {
        JsonNode json;
        try {
            json = mapper.readTree(message);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("event is not JSON", notJson);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        String type = json.path("type").asText();
        int version = json.path("v").asInt(-1);
        if (ClickEvent.TYPE.equals(type) && (version == ClickEvent.VERSION || version == 2)) {
            JsonNode bot = json.get("bot");
            if (bot == null || !bot.isBoolean()) {
                throw new IllegalArgumentException("event has no boolean field bot");
            }
            return new ClickEvent(required(json, "slug"), required(json, "clickId"), optional(json, "visitorId"),
                    instant(json, "occurredAt"), bot.booleanValue(), required(json, "clicker"),
                    version == 2 ? null : optional(json, "leadId"));
        }
        if (LeadEvent.TYPE.equals(type) && version == LeadEvent.VERSION) {
            return new LeadEvent(LeadEvent.Kind.fromWireName(required(json, "kind")), required(json, "eventId"),
                    instant(json, "occurredAt"), required(json, "leadId"), optional(json, "visitorId"),
                    optional(json, "clickId"), optional(json, "formId"));
        }
        if (ClickEvent.TYPE.equals(type) && version == 1) {
            return new ClickEvent(required(json, "slug"), required(json, "clickId"), optional(json, "visitorId"),
                    instant(json, "occurredAt"));
        }
        if (OrderEvent.TYPE.equals(type) && (version == OrderEvent.VERSION || version == 1)) {
            JsonNode amount = json.get("amount");
            if (amount == null || !amount.canConvertToLong() || !amount.isIntegralNumber()) {
                throw new IllegalArgumentException("event has no integer field amount");
            }
            return new OrderEvent(OrderEvent.Kind.fromWireName(required(json, "kind")), required(json, "eventId"),
                    instant(json, "occurredAt"), required(json, "orderId"), optional(json, "paymentId"),
                    required(json, "productId"), amount.longValue(), required(json, "currency"),
                    version == 1 ? null : optional(json, "sealedEmail"), optional(json, "visitorId"),
                    optional(json, "clickId"));
        }
        if (PageEvent.TYPE.equals(type) && version == PageEvent.VERSION) {
            return new PageEvent(PageEvent.Kind.fromWireName(required(json, "kind")), required(json, "eventId"),
                    instant(json, "occurredAt"), required(json, "url"), optional(json, "referrer"),
                    PageEvent.Consent.fromWireName(required(json, "consent")), optional(json, "visitorId"),
                    optional(json, "clickId"), optional(json, "formId"), optional(json, "productId"));
        }
        throw new IllegalArgumentException("unknown event type/version: " + type + "/" + version);
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("event has no text field " + field);
        }
        return value.textValue();
    }

    private static String optional(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : required(json, field);
    }

    private static Instant instant(JsonNode json, String field) {
        try {
            return Instant.parse(required(json, field));
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("event field " + field + " is not an ISO instant", notAnInstant);
        }
    }
}
