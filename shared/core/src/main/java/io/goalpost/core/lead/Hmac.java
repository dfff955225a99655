package io.goalpost.core.lead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key; the lead token and the email hash each hold their own. */
final class Hmac {

  private static final String ALGORITHM = "HmacSHA256";
  /** Secrets are 32+ characters (template.yaml MinLength); shorter keys are a misconfiguration. */
  static final int MIN_KEY_LENGTH = 32;

  private final SecretKeySpec key;

  Hmac(String secret, String name) {
    if (secret == null || secret.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(name + " must be at least " + MIN_KEY_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  byte[] of(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException everyJvmHasHmacSha256) {
      throw new IllegalStateException(everyJvmHasHmacSha256);
    }
  }
}
