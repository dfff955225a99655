package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The redirect's choice of who clicked, for unique clicks (SPEC §3 Clicks): the visitor id when
 * the request carries one, else {@code h#<base64url HMAC-SHA256(salt of the day, ip|userAgent)>}
 * (Plausible's method). The IP and the user agent go no further than this class: only the key
 * travels, and it is worthless once the day's salt is gone.
 *
 * <p>Without the day's salt (the table failed, or the day is already over) the click is its own
 * clicker: unique clicks may then count a person twice, but the redirect never waits or fails
 * for tracking.
 */
public final class ClickerKeys {

  static final String HASH_PREFIX = "h#";
  private static final String HMAC = "HmacSHA256";

  private final DailySalts salts;

  public ClickerKeys(DailySalts salts) {
    this.salts = Objects.requireNonNull(salts);
  }

  /**
   * @param visitorId a well-formed visitor id from the request, or null
   * @param day       the UTC day of the click (its receipt time)
   */
  public String keyOf(String visitorId, String sourceIp, String userAgent, String clickId, LocalDate day) {
    if (visitorId != null) {
      return ClickEvent.visitorClicker(visitorId);
    }
    Optional<byte[]> salt;
    try {
      salt = salts.of(day);
    } catch (RuntimeException storeFailed) {
      salt = Optional.empty();
    }
    return salt.map(bytes -> HASH_PREFIX + hash(bytes, sourceIp, userAgent))
        .orElseGet(() -> ClickEvent.clickClicker(clickId));
  }

  static String hash(byte[] salt, String sourceIp, String userAgent) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(salt, HMAC));
      byte[] digest = mac.doFinal((nullToEmpty(sourceIp) + "|" + nullToEmpty(userAgent))
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException everyJvmHasHmacSha256) {
      throw new IllegalStateException(everyJvmHasHmacSha256);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
