package io.goalpost.functions.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.goalpost.local.template.LocalParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed Stripe deliveries for tests: the samples in events/, and new ones signed here with
 * javax.crypto (never with the verifier under test), as Stripe signs: hex HMAC-SHA256 of
 * "t.body" keyed with the whole {@code whsec_…} secret.
 */
final class StripeDeliveries {

    /** What template.yaml's StripeWebhookSecret is locally; the samples are signed with it. */
    static final String SECRET = LocalParameters.localSecret("StripeWebhookSecret");
    /** The samples' t (2026-11-26T12:00:00Z, the time the template contract test pins too). */
    static final Instant SIGNED_AT = Deliveries.SIGNED_AT;

    private StripeDeliveries() {
    }

    static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    /** A sample with another body, signed afresh at {@link #SIGNED_AT}. */
    static APIGatewayV2HTTPEvent signed(String body) {
        return signed(body, SECRET, SIGNED_AT);
    }

    static APIGatewayV2HTTPEvent signed(String body, String secret, Instant at) {
        APIGatewayV2HTTPEvent event = sample("webhook-stripe-checkout-completed.json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("stripe-signature", "t=" + at.getEpochSecond() + ",v1=" + v1(secret, at.getEpochSecond(), bytes));
        headers.put("content-length", Integer.toString(bytes.length));
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    static String v1(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
