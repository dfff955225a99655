package io.goalpost.local.devserver.e2e;

import io.goalpost.local.template.LocalParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe events of the pinned version (2025-03-31.basil) as small bodies holding the fields
 * Goalpost reads (docs/decisions/003), signed as Stripe signs them: hex HMAC-SHA256 of
 * {@code t.body} keyed with the whole {@code whsec_…} secret of the dev server.
 */
final class SignedStripe {

  private SignedStripe() {
  }

  /** Headers for {@link Http#postJson}: the {@code stripe-signature} of the body at {@code t}. */
  static String[] headers(long t, String body) {
    return new String[] {"stripe-signature", "t=" + t + ",v1=" + v1(t, body)};
  }

  static String v1(long t, String body) {
    String secret = LocalParameters.localSecret("StripeWebhookSecret");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A completed Checkout Session; {@code subscription} null for a one-off payment (then {@code paymentIntent}). */
  static String checkoutCompleted(String eventId, long created, String paymentStatus, long amountTotal,
      String currency, String subscription, String paymentIntent, String productId, String clickId) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-03-31.basil", "created": %d,
         "type": "checkout.session.completed",
         "data": {"object": {"id": "cs_test_%s", "object": "checkout.session", "payment_status": "%s",
           "amount_total": %d, "currency": "%s", "subscription": %s, "payment_intent": %s,
           "customer_details": {"email": "buyer@example.com"}, "client_reference_id": null,
           "metadata": {"product_id": "%s", "gp_cid": "%s"}}}}"""
        .formatted(eventId, created, eventId, paymentStatus, amountTotal, currency, quoted(subscription),
            quoted(paymentIntent), productId, clickId);
  }

  /** A paid renewal invoice of a subscription ({@code billing_reason: subscription_cycle}). */
  static String renewalPaid(String eventId, long created, String invoiceId, String subscription, long amountPaid,
      String currency, String productId) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-03-31.basil", "created": %d, "type": "invoice.paid",
         "data": {"object": {"id": "%s", "object": "invoice", "billing_reason": "subscription_cycle",
           "amount_paid": %d, "currency": "%s", "customer_email": "buyer@example.com",
           "parent": {"type": "subscription_details",
             "subscription_details": {"subscription": "%s", "metadata": {"product_id": "%s"}}},
           "lines": {"object": "list", "data": []}}}}"""
        .formatted(eventId, created, invoiceId, amountPaid, currency, subscription, productId);
  }

  /** A charge whose refunded total went from {@code before} to {@code after}. */
  static String chargeRefunded(String eventId, long created, String chargeId, String paymentIntent, long before,
      long after, String currency, String productId) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-03-31.basil", "created": %d, "type": "charge.refunded",
         "data": {"object": {"id": "%s", "object": "charge", "payment_intent": "%s", "amount_refunded": %d,
           "currency": "%s", "metadata": {"product_id": "%s"}},
          "previous_attributes": {"amount_refunded": %d}}}"""
        .formatted(eventId, created, chargeId, paymentIntent, after, currency, productId, before);
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
