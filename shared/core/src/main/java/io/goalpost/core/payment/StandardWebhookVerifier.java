package io.goalpost.core.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery signed per Standard Webhooks (standardwebhooks.com): {@code webhook-signature}
 * holds one or more space-separated {@code v1,<base64 HMAC-SHA256>}, each over
 * {@code <webhook-id>.<webhook-timestamp>.<raw body>} under the key that follows {@code whsec_} in
 * the secret (base64). Any one matching {@code v1} passes, so a sender can rotate its secret by
 * signing with both. The timestamp (Unix seconds) must be within 5 minutes of our clock either
 * way, so a captured delivery cannot be replayed later.
 */
public final class StandardWebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    /** Why a delivery is or is not believed; every refusal is a 401, the reason goes to the log. */
    public enum Verdict {
        AUTHENTIC("authentic"),
        MISSING_HEADER("webhook-id, webhook-timestamp and webhook-signature are required"),
        BAD_TIMESTAMP("webhook-timestamp is not Unix seconds within 5 minutes of now"),
        BAD_SIGNATURE("no v1 signature in webhook-signature matches");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    private StandardWebhookVerifier(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param secret {@code whsec_<base64 key>} as the sender shows it (the prefix may be left off)
     * @throws IllegalArgumentException when the secret is not base64 or holds no key
     */
    public static StandardWebhookVerifier forSecret(String secret, Clock clock) {
        if (secret == null) {
            throw new IllegalArgumentException("the webhook secret is missing");
        }
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the webhook secret must be whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("the webhook secret holds no key after whsec_");
        }
        return new StandardWebhookVerifier(key, clock);
    }

    /**
     * @param id the {@code webhook-id} header, or null when absent
     * @param timestamp the {@code webhook-timestamp} header, or null when absent
     * @param signatures the {@code webhook-signature} header, or null when absent
     * @param body the raw body exactly as received (never re-serialised JSON)
     */
    public Verdict verify(String id, String timestamp, String signatures, byte[] body) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures) || body == null) {
            return Verdict.MISSING_HEADER;
        }
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            return Verdict.BAD_TIMESTAMP;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > TOLERANCE.toSeconds()) {
            return Verdict.BAD_TIMESTAMP;
        }
        byte[] expected = sign(id, timestamp, body);
        boolean matched = false;
        for (String candidate : signatures.trim().split(" +")) {
            byte[] presented = v1Signature(candidate);
            // Constant time, and every candidate is compared: timing tells nothing about which matched.
            matched |= presented != null && MessageDigest.isEqual(expected, presented);
        }
        return matched ? Verdict.AUTHENTIC : Verdict.BAD_SIGNATURE;
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
        }
    }

    /** The signature bytes of a {@code v1,<base64>} entry; null for other versions or bad base64. */
    private static byte[] v1Signature(String entry) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
