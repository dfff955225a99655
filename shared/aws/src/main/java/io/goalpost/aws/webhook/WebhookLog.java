package io.goalpost.aws.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.payment.OrderReceipt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The webhook function's log: one JSON line per delivery that did not simply go onto the queue.
 * Lines carry ids, field names and exception class names only — never a body, a header value
 * other than the delivery id, or an exception message (which could quote either): an order may
 * hold an email, and emails never appear in logs (SPEC §5).
 */
public final class WebhookLog {

    private static final int MAX_ID = 128;
    /** From the first double quote to the last (a quoted name may itself hold quotes), or to the end. */
    private static final Pattern QUOTED = Pattern.compile("\".*\"|\".*", Pattern.DOTALL);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Consumer<String> out;

    public WebhookLog(Consumer<String> out) {
        this.out = out;
    }

    /** @param verdict a {@link io.goalpost.core.payment.StandardWebhookVerifier.Verdict} or a Stripe one */
    public void unauthorized(String route, Enum<?> verdict) {
        out.accept(line("WARN", "webhook_unauthorized").put("route", route).put("verdict", verdict.name()).toString());
    }

    /**
     * The reason without what it quotes: a reason puts the sender's own text in double quotes
     * (an unknown field's name), and a sender may name a field after a person's email. The 400
     * still tells the sender which field; the log only needs to know that one was unknown.
     */
    public void refused(String route, String deliveryId, String reason) {
        out.accept(line("WARN", "webhook_refused").put("route", route).put("deliveryId", shortened(deliveryId))
                .put("reason", withoutQuotedText(reason)).toString());
    }

    private static String withoutQuotedText(String reason) {
        return reason == null ? null : QUOTED.matcher(reason).replaceAll("\"…\"");
    }

    /**
     * Logs the receipts that need someone's attention, and each deliberate drop by its reason so
     * drops can be counted; an enqueued order needs no line.
     */
    public void receipt(OrderReceipt receipt) {
        if (receipt instanceof OrderReceipt.Ignored ignored) {
            out.accept(line("INFO", "webhook_event_ignored").put("eventId", shortened(ignored.eventId()))
                    .put("reason", ignored.reason().name()).toString());
        } else if (receipt instanceof OrderReceipt.Kept kept) {
            out.accept(line("WARN", "order_kept_in_outbox").put("eventId", kept.event().eventId())
                    .put("queueFailure", kept.queueFailure().getClass().getName()).toString());
        } else if (receipt instanceof OrderReceipt.Unavailable unavailable) {
            out.accept(line("ERROR", "order_not_recorded").put("eventId", unavailable.event().eventId())
                    .put("queueFailure", unavailable.queueFailure().getClass().getName())
                    .put("outboxFailure", unavailable.outboxFailure().getClass().getName()).toString());
        }
    }

    /** A refused delivery id may be any length the sender chose. */
    private static String shortened(String deliveryId) {
        return deliveryId == null || deliveryId.length() <= MAX_ID ? deliveryId : deliveryId.substring(0, MAX_ID) + "…";
    }

    private ObjectNode line(String level, String message) {
        return mapper.createObjectNode().put("level", level).put("message", message);
    }
}
