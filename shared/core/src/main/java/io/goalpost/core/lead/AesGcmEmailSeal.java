package io.goalpost.core.lead;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}: AES-256-GCM with a random 96-bit nonce and
 * the event id as associated data. The key is HMAC-SHA256(EmailHashKey, "goalpost/email-seal/v1"),
 * so the deployment configures nothing new; the label has no {@code @}, so the key can never be
 * one of the email hashes stored in the table. The {@code v1} names the key's derivation: a later
 * rotation adds {@code v2} and opens both while the old messages drain.
 */
public final class AesGcmEmailSeal implements EmailSeal {

  static final String VERSION = "v1";
  static final String KEY_LABEL = "goalpost/email-seal/v1";
  private static final String PREFIX = VERSION + ".";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** Under the key the email hashes use: one secret protects the email wherever it is not a lead's. */
  public AesGcmEmailSeal(EmailHashes hashes) {
    this.key = new SecretKeySpec(hashes.derivedKey(KEY_LABEL), "AES");
  }

  @Override
  public String seal(String email, String eventId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, eventId);
      byte[] sealed = cipher.doFinal(email.getBytes(StandardCharsets.UTF_8));
      byte[] message = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(message);
    } catch (GeneralSecurityException everyJvmHasAesGcm) {
      throw new IllegalStateException(everyJvmHasAesGcm);
    }
  }

  @Override
  public Optional<String> open(String sealed, String eventId) {
    if (sealed == null || eventId == null || !sealed.startsWith(PREFIX)) {
      return Optional.empty();
    }
    byte[] message;
    try {
      message = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (message.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(message, NONCE_BYTES), eventId);
      byte[] email = cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES);
      return Optional.of(new String(email, StandardCharsets.UTF_8));
    } catch (AEADBadTagException wrongKeyEventOrBytes) {
      return Optional.empty();
    } catch (GeneralSecurityException everyJvmHasAesGcm) {
      throw new IllegalStateException(everyJvmHasAesGcm);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String eventId) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(eventId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
