package io.goalpost.core.lead;

import java.util.HexFormat;

/**
 * The only form an email takes outside its lead item (SPEC §5): HMAC-SHA256 under
 * {@code EmailHashKey}, hex. Keyed, so the table alone does not let anyone test a guessed address.
 */
public final class EmailHashes {

  private final Hmac hmac;

  public EmailHashes(String emailHashKey) {
    this.hmac = new Hmac(emailHashKey, "EmailHashKey");
  }

  /** @param normalisedEmail as {@link EmailAddresses#normalise} answers it */
  public String of(String normalisedEmail) {
    return HexFormat.of().formatHex(hmac.of(normalisedEmail));
  }

  /**
   * A key for another purpose under the same secret ({@link AesGcmEmailSeal}). A label without
   * {@code @} is never a normalised email, so no derived key equals a stored hash.
   */
  byte[] derivedKey(String label) {
    if (label.indexOf('@') >= 0) {
      throw new IllegalArgumentException("a key label must not look like an email");
    }
    return hmac.of(label);
  }
}
