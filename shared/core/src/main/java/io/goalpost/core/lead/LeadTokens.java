package io.goalpost.core.lead;

import io.goalpost.core.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code gp_lt} of a personalised link (docs/decisions/007): {@code v1.<leadId>.<expires epoch
 * seconds>.<base64url HMAC-SHA256 under LeadTokenSecret>}, valid 90 days. A token that is
 * malformed, tampered with or expired names no one; it is never an error.
 */
public final class LeadTokens {

  public static final Duration LIFETIME = Duration.ofDays(90);
  private static final String VERSION = "v1";

  private final Hmac hmac;

  public LeadTokens(String leadTokenSecret) {
    this.hmac = new Hmac(leadTokenSecret, "LeadTokenSecret");
  }

  public String mint(String leadId, Instant now) {
    if (!Ids.isMintedId(leadId)) {
      throw new IllegalArgumentException("not a lead id");
    }
    String payload = VERSION + "." + leadId + "." + now.plus(LIFETIME).getEpochSecond();
    return payload + "." + signatureOf(payload);
  }

  /** The lead the token names, if it is well formed, signed with our secret and not expired at {@code now}. */
  public Optional<String> leadOf(String token, Instant now) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0]) || !Ids.isMintedId(parts[1]) || !parts[2].matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    boolean signed = MessageDigest.isEqual(signatureOf(payload).getBytes(StandardCharsets.US_ASCII),
        parts[3].getBytes(StandardCharsets.US_ASCII));
    boolean current = now.getEpochSecond() < Long.parseLong(parts[2]);
    return signed && current ? Optional.of(parts[1]) : Optional.empty();
  }

  private String signatureOf(String payload) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.of(payload));
  }
}
