package io.goalpost.local.devserver.e2e;

import io.goalpost.local.template.LocalParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs orders-webhook bodies as a cart would (Standard Webhooks), with the dev server's secret. */
final class SignedOrders {

  private SignedOrders() {}

  /** Headers for {@link Http#postJson}: webhook-id, webhook-timestamp, webhook-signature. */
  static String[] headers(String webhookId, long timestampSeconds, String body) {
    return new String[] {"webhook-id", webhookId, "webhook-timestamp", Long.toString(timestampSeconds),
        "webhook-signature", "v1," + signature(webhookId, timestampSeconds, body)};
  }

  static String signature(String webhookId, long timestampSeconds, String body) {
    String secret = LocalParameters.localSecret("OrdersWebhookSecret");
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signed = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
