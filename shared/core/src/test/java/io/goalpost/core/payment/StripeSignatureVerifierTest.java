package io.goalpost.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.payment.StripeSignatureVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signatures here are computed by the test itself (javax.crypto), never by the verifier under
 * test, the way Stripe documents it: HMAC-SHA256 of "t.body" keyed with the secret's own bytes.
 */
class StripeSignatureVerifierTest {

    private static final String SECRET = "whsec_3fKq9Rz1TbW8xYvN2mLp6sJdHc0GaE4u";
    private static final String OLD_SECRET = "whsec_previousSecretStripeStillSignsWith";
    private static final long SENT_AT = 1_795_694_400L;
    private static final byte[] BODY = "{\"id\":\"evt_1QxYz\",\"object\":\"event\",\"type\":\"invoice.paid\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static StripeSignatureVerifier verifierAt(long epochSecond) {
        return StripeSignatureVerifier.forSecret(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static final StripeSignatureVerifier VERIFIER = verifierAt(SENT_AT);

    /** Hex HMAC-SHA256 of "t.body" keyed with the whole secret string, whsec_ and all. */
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

    @Test
    void acceptsADeliverySignedWithTheSecretUsedAsItIs() {
        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + v1(SECRET, SENT_AT, BODY), BODY))
                .isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void acceptsAKnownSignatureWorkedOutOutsideJava() {
        // printf '1795694400.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_3fKq9Rz1TbW8xYvN2mLp6sJdHc0GaE4u'
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        String header = "t=1795694400,v1=19a8f0834b8b037e7c0d6573a15acff2fcc8919688744de12885e0a889b085e2";

        assertThat(VERIFIER.verify(header, body)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void refusesASignatureMadeWithTheKeyBase64DecodedAsStandardWebhooksWouldDoIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String decodedKey = HexFormat.of().formatHex(mac.doFinal((SENT_AT + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + decodedKey, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void acceptsAHeaderWithSeveralV1SignaturesWhenAnyOneMatches() {
        String header = "t=" + SENT_AT + ",v1=" + v1(OLD_SECRET, SENT_AT, BODY) + ",v1=" + v1(SECRET, SENT_AT, BODY)
                + ",v0=" + "0".repeat(64);

        assertThat(VERIFIER.verify(header, BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void acceptsTheSignaturesInAnyOrderAndUpperCaseHex() {
        String header = "v1=" + v1(SECRET, SENT_AT, BODY).toUpperCase() + ",t=" + SENT_AT;

        assertThat(VERIFIER.verify(header, BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void refusesAHeaderWhoseOnlyMatchingSignatureIsTaggedV0() {
        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v0=" + v1(SECRET, SENT_AT, BODY), BODY))
                .isEqualTo(Verdict.MISSING_HEADER);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("invoice.paid", "charge.refunded")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + v1(SECRET, SENT_AT, BODY), tampered))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesASignatureUnderAnotherSecret() {
        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + v1(OLD_SECRET, SENT_AT, BODY), BODY))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesATimestampThatDoesNotMatchTheOneSigned() {
        String signedEarlier = v1(SECRET, SENT_AT - 10, BODY);

        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + signedEarlier, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void acceptsATimestampUpTo300SecondsAwayEitherWay() {
        String header = "t=" + SENT_AT + ",v1=" + v1(SECRET, SENT_AT, BODY);

        assertThat(verifierAt(SENT_AT + 300).verify(header, BODY)).isEqualTo(Verdict.AUTHENTIC);
        assertThat(verifierAt(SENT_AT - 300).verify(header, BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void refusesAStaleOrFutureTimestampEvenWithAValidSignature() {
        String header = "t=" + SENT_AT + ",v1=" + v1(SECRET, SENT_AT, BODY);

        assertThat(verifierAt(SENT_AT + 301).verify(header, BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(verifierAt(SENT_AT - 301).verify(header, BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    @Test
    void refusesATimestampThatIsNotUnixSeconds() {
        assertThat(VERIFIER.verify("t=2026-11-26T12:00:00Z,v1=" + v1(SECRET, SENT_AT, BODY), BODY))
                .isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(VERIFIER.verify("t=-5,v1=" + v1(SECRET, SENT_AT, BODY), BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    @Test
    void refusesAMissingOrIncompleteHeader() {
        assertThat(VERIFIER.verify(null, BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify(" ", BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify("t=" + SENT_AT, BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify("v1=" + v1(SECRET, SENT_AT, BODY), BODY)).isEqualTo(Verdict.MISSING_HEADER);
    }

    @Test
    void refusesSignaturesThatAreNotHexOfTheRightLength() {
        String valid = v1(SECRET, SENT_AT, BODY);

        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + valid.substring(2), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(VERIFIER.verify("t=" + SENT_AT + ",v1=" + valid.replace(valid.charAt(0), 'z'), BODY))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesASecretThatIsNotAWhsecSigningSecret() {
        assertThatThrownBy(() -> StripeSignatureVerifier.forSecret("sk_live_51Habc", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_")
                .hasMessageNotContaining("sk_live_51Habc");
        assertThatThrownBy(() -> StripeSignatureVerifier.forSecret("whsec_", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StripeSignatureVerifier.forSecret(null, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
