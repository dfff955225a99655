package io.goalpost.core.payment;

import java.util.List;
import java.util.Map;

/**
 * The parts of a Stripe event (a snapshot event of the pinned API version) that Goalpost maps,
 * as the JSON reader found them: types checked, values not — any field may be null, and
 * {@link StripeIntake} decides. {@code data.object} is read as what its own {@code object} field
 * says it is; objects Goalpost does not read are {@link Unread}.
 *
 * @param created the event's {@code created} (Unix seconds): Goalpost's event time for Stripe
 */
public record StripeEvent(String id, String type, String apiVersion, Long created, StripeObject object) {

    /** {@code data.object}. */
    public sealed interface StripeObject permits CheckoutSession, Invoice, Charge, Unread {
    }

    /**
     * A Checkout Session ({@code object: "checkout.session"}).
     *
     * @param email {@code customer_details.email}
     */
    public record CheckoutSession(String id, String paymentStatus, Long amountTotal, String currency, String email,
            String clientReferenceId, Map<String, String> metadata, String subscription, String paymentIntent)
            implements StripeObject {

        public CheckoutSession {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }

        /** Never prints the email (records print every field, and this one may reach a log). */
        @Override
        public String toString() {
            return "CheckoutSession[id=" + id + ", paymentStatus=" + paymentStatus + ", amountTotal=" + amountTotal
                    + ", currency=" + currency + ", email=" + (email == null ? "null" : "<redacted>")
                    + ", clientReferenceId=" + clientReferenceId + ", metadata=" + metadata + ", subscription="
                    + subscription + ", paymentIntent=" + paymentIntent + "]";
        }
    }

    /**
     * An Invoice ({@code object: "invoice"}), with the subscription where API versions from
     * 2025-03-31 keep it: {@code parent.subscription_details.subscription} and {@code .metadata}
     * (a snapshot of the subscription's metadata), and each line's {@code metadata}.
     *
     * @param email {@code customer_email}
     */
    public record Invoice(String id, String billingReason, Long amountPaid, String currency, String email,
            String subscription, Map<String, String> subscriptionMetadata, List<Map<String, String>> lineMetadata)
            implements StripeObject {

        public Invoice {
            subscriptionMetadata = subscriptionMetadata == null ? Map.of() : Map.copyOf(subscriptionMetadata);
            lineMetadata = lineMetadata == null ? List.of() : lineMetadata.stream().map(Map::copyOf).toList();
        }

        /** Never prints the email. */
        @Override
        public String toString() {
            return "Invoice[id=" + id + ", billingReason=" + billingReason + ", amountPaid=" + amountPaid
                    + ", currency=" + currency + ", email=" + (email == null ? "null" : "<redacted>")
                    + ", subscription=" + subscription + ", subscriptionMetadata=" + subscriptionMetadata
                    + ", lineMetadata=" + lineMetadata + "]";
        }
    }

    /**
     * A Charge ({@code object: "charge"}). {@code amountRefunded} is cumulative;
     * {@code previousAmountRefunded} is the event's {@code data.previous_attributes.amount_refunded}.
     */
    public record Charge(String id, String paymentIntent, Long amountRefunded, Long previousAmountRefunded,
            String currency, Map<String, String> metadata) implements StripeObject {

        public Charge {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    /** Any other object, or none: only the event's own fields were read. */
    public record Unread() implements StripeObject {
    }
}
