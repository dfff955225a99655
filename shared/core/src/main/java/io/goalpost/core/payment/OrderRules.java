package io.goalpost.core.payment;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.payment.OrderReceipt.Invalid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an orders webhook body meets (SPEC §1 ids, §3 Payments). The first broken one is
 * reported naming its field — never its value, which may be an email. Optional fields sent as
 * empty strings count as absent: carts often fill a template with "" where they have nothing.
 */
final class OrderRules {

    static final String EVENT_ID_PREFIX = "orders:";
    static final int MAX_EMAIL_LENGTH = 254;
    static final Pattern DELIVERY_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Pattern MINTED_ID = Pattern.compile("[A-Za-z0-9]{16,32}");
    static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    static final String EXTERNAL_ID_RULE = "must be 1-64 characters of A-Z, a-z, 0-9, _ . : and -";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(Long.MAX_VALUE);

    private OrderRules() {
    }

    static Optional<Invalid> firstBroken(String deliveryId, NewOrder order) {
        return firstOf(
                deliveryId != null && DELIVERY_ID.matcher(deliveryId).matches() ? none()
                        : broken("webhook-id", "must be 1-128 visible ASCII characters"),
                kind(order.type()).isPresent() ? none() : broken("type", "must be one of sale, rebill, refund"),
                externalId("orderId", order.orderId(), true),
                externalId("paymentId", present(order.paymentId()), !"sale".equals(order.type())),
                externalId("productId", order.productId(), true),
                amount(order.amount()),
                order.currency() != null && CURRENCY.matcher(order.currency()).matches() ? none()
                        : broken("currency", "is required and must be a 3-letter ISO 4217 code such as USD"),
                email(present(order.email())),
                mintedId("visitorId", present(order.visitorId())),
                mintedId("clickId", present(order.clickId())),
                instant(order.occurredAt()).isPresent() ? none()
                        : broken("occurredAt", "is required and must be an ISO-8601 date-time with an offset, "
                                + "such as 2025-04-01T09:30:00Z"));
    }

    /**
     * The event of a delivery that broke no rule, without its email ({@link #email} gives it, for
     * the delivery to seal); its id is the delivery's, so a repeat is recognised.
     */
    static OrderEvent event(String deliveryId, NewOrder order) {
        return new OrderEvent(kind(order.type()).orElseThrow(), EVENT_ID_PREFIX + deliveryId,
                instant(order.occurredAt()).orElseThrow(), order.orderId(), present(order.paymentId()),
                order.productId(), order.amount().longValueExact(), order.currency().toUpperCase(Locale.ROOT),
                null, present(order.visitorId()), present(order.clickId()));
    }

    /** The delivery's email, normalised, or null when it sent none. */
    static String email(NewOrder order) {
        String email = present(order.email());
        return email == null ? null : normalisedEmail(email);
    }

    private static Optional<OrderEvent.Kind> kind(String type) {
        for (OrderEvent.Kind kind : OrderEvent.Kind.values()) {
            if (kind.wireName().equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<Invalid> externalId(String field, String id, boolean required) {
        if (id == null) {
            return required ? broken(field, "is required" + ("paymentId".equals(field)
                    ? " for a rebill or refund (it tells payments of one order apart)" : "")) : none();
        }
        return EXTERNAL_ID.matcher(id).matches() ? none() : broken(field, EXTERNAL_ID_RULE);
    }

    private static Optional<Invalid> mintedId(String field, String id) {
        return id == null || MINTED_ID.matcher(id).matches() ? none()
                : broken(field, "must be 16-32 characters of A-Z, a-z and 0-9 (a Goalpost id)");
    }

    private static Optional<Invalid> amount(BigDecimal amount) {
        if (amount == null) {
            return broken("amount", "is required (an integer in minor units, such as 4900 for 49.00)");
        }
        // Strict on purpose: 49.00 is far more likely a cart sending major units than 49 cents.
        if (amount.scale() > 0) {
            return broken("amount", "must be an integer in minor units, such as 4900 for 49.00");
        }
        if (amount.signum() < 0) {
            return broken("amount", "must not be negative (a refund carries what it returned)");
        }
        return amount.compareTo(MAX_AMOUNT) > 0 ? broken("amount", "is too large") : none();
    }

    private static Optional<Invalid> email(String email) {
        return email == null || isEmail(email) ? none() : broken("email", "must be an email address (name@domain)");
    }

    static boolean isEmail(String email) {
        String trimmed = email.strip();
        return trimmed.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(trimmed).matches();
    }

    /** A lead is known by its email trimmed and lower-cased (SPEC §1). */
    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** ISO-8601 with an offset ({@code Z} or {@code +02:00}): a time without one is ambiguous. */
    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    private static String present(String optional) {
        return optional == null || optional.isEmpty() ? null : optional;
    }

    @SafeVarargs
    private static Optional<Invalid> firstOf(Optional<Invalid>... checks) {
        for (Optional<Invalid> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return none();
    }

    private static Optional<Invalid> broken(String field, String reason) {
        return Optional.of(new Invalid(field, reason));
    }

    private static Optional<Invalid> none() {
        return Optional.empty();
    }
}
