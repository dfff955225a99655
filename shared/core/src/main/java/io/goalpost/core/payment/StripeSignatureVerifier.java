package io.goalpost.core.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery signed per Stripe's scheme (docs.stripe.com/webhooks, "verify signatures
 * manually"): {@code Stripe-Signature: t=<unix seconds>,v1=<hex>,v1=<hex>…}, each {@code v1} an
 * HMAC-SHA256 of {@code <t>.<raw body>} keyed with the endpoint's whole signing secret as its
 * UTF-8 bytes — {@code whsec_…} included, not base64-decoded as Standard Webhooks does. Any one
 * matching {@code v1} passes (Stripe signs with both secrets while one is being rolled), and
 * {@code t} must be within 300 seconds of our clock either way, so a captured delivery cannot
 * be replayed later.
 */
public final class StripeSignatureVerifier {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** Why a delivery is or is not believed; every refusal is a 401, the reason goes to the log. */
    public enum Verdict {
        AUTHENTIC("authentic"),
        MISSING_HEADER("a stripe-signature header with t= and v1= is required"),
        BAD_TIMESTAMP("t in stripe-signature is not Unix seconds within 300 seconds of now"),
        BAD_SIGNATURE("no v1 signature in stripe-signature matches");

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

    private StripeSignatureVerifier(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param secret the endpoint's signing secret exactly as Stripe shows it ({@code whsec_…})
     * @throws IllegalArgumentException when it is missing or is not a {@code whsec_} secret (an
     *     API key pasted by mistake would otherwise fail every delivery with a puzzling 401)
     */
    public static StripeSignatureVerifier forSecret(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the Stripe webhook secret is missing");
        }
        String trimmed = secret.strip();
        if (!trimmed.startsWith(SECRET_PREFIX) || trimmed.length() == SECRET_PREFIX.length()) {
            throw new IllegalArgumentException(
                    "the Stripe webhook secret must be the endpoint's signing secret, whsec_ followed by its key");
        }
        return new StripeSignatureVerifier(trimmed.getBytes(StandardCharsets.UTF_8), clock);
    }

    /**
     * @param header the {@code stripe-signature} header, or null when absent
     * @param body the raw body exactly as received (never re-serialised JSON)
     */
    public Verdict verify(String header, byte[] body) {
        if (header == null || header.isBlank() || body == null) {
            return Verdict.MISSING_HEADER;
        }
        String timestamp = null;
        boolean hasV1 = false;
        for (String item : header.split(",")) {
            String[] pair = item.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && timestamp == null) {
                timestamp = pair[1];
            }
            hasV1 |= pair.length == 2 && pair[0].equals("v1");
        }
        if (timestamp == null || !hasV1) {
            return Verdict.MISSING_HEADER;
        }
        if (!UNIX_SECONDS.matcher(timestamp).matches()
                || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE.toSeconds()) {
            return Verdict.BAD_TIMESTAMP;
        }
        byte[] expected = sign(timestamp, body);
        boolean matched = false;
        for (String item : header.split(",")) {
            String[] pair = item.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("v1") && HEX_SHA256.matcher(pair[1]).matches()) {
                // Constant time, and every candidate is compared: timing tells nothing about which matched.
                matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(pair[1]));
            }
        }
        return matched ? Verdict.AUTHENTIC : Verdict.BAD_SIGNATURE;
    }

    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
        }
    }
}
