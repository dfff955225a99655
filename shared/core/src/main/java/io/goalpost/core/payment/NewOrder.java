package io.goalpost.core.payment;

import java.math.BigDecimal;

/**
 * The body of an orders webhook as the cart sent it: types already checked by the JSON reader,
 * values not — any field may be missing (null) or invalid, and {@link OrderIntake} decides.
 * {@code amount} is the number exactly as written, so "49.00" is seen as not being minor units.
 */
public record NewOrder(
        String type,
        String orderId,
        String paymentId,
        String productId,
        BigDecimal amount,
        String currency,
        String email,
        String visitorId,
        String clickId,
        String occurredAt) {

    /** Never prints the email (records print every field, and this one may reach a log). */
    @Override
    public String toString() {
        return "NewOrder[type=" + type + ", orderId=" + orderId + ", paymentId=" + paymentId
                + ", productId=" + productId + ", amount=" + amount + ", currency=" + currency
                + ", email=" + (email == null ? "null" : "<redacted>") + ", visitorId=" + visitorId
                + ", clickId=" + clickId + ", occurredAt=" + occurredAt + "]";
    }
}
