package io.goalpost.functions.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.goalpost.local.template.LocalParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed orders webhook deliveries for tests: the samples in events/, and new ones signed here
 * with javax.crypto (never with the verifier under test), as a Standard Webhooks sender would.
 */
final class Deliveries {

    /** What template.yaml's OrdersWebhookSecret is locally; the samples are signed with it. */
    static final String SECRET = LocalParameters.localSecret("OrdersWebhookSecret");
    /** The samples' webhook-timestamp (2026-11-26T12:00:00Z, the time the template contract test pins too). */
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1_795_694_400L);

    private Deliveries() {
    }

    static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    /** The sale sample with another body, signed afresh under {@code webhookId} at {@link #SIGNED_AT}. */
    static APIGatewayV2HTTPEvent signed(String webhookId, String body) {
        return signed(webhookId, body, SECRET, SIGNED_AT);
    }

    static APIGatewayV2HTTPEvent signed(String webhookId, String body, String secret, Instant at) {
        APIGatewayV2HTTPEvent event = sample("webhook-orders-sale.json");
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signature(secret, webhookId, timestamp, body.getBytes(StandardCharsets.UTF_8)));
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    static String signature(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }
}
