package io.goalpost.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.payment.StandardWebhookVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures here are computed by the test itself (javax.crypto), never by the verifier under test. */
class StandardWebhookVerifierTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a-thirty-two-byte-signing-key!!!".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "another-key-the-sender-rotated-to".getBytes(StandardCharsets.UTF_8));
    private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final long SENT_AT = 1_743_499_800L;
    private static final String TIMESTAMP = Long.toString(SENT_AT);
    private static final byte[] BODY = "{\"type\":\"sale\",\"orderId\":\"order-1001\"}".getBytes(StandardCharsets.UTF_8);

    private static StandardWebhookVerifier verifierAt(String secret, long epochSecond) {
        return StandardWebhookVerifier.forSecret(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static final StandardWebhookVerifier VERIFIER = verifierAt(SECRET, SENT_AT);

    /** HMAC-SHA256 of "id.timestamp.body" under the base64 key after whsec_, as the specification says. */
    static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void acceptsTheStandardWebhooksSpecificationsPublishedTestVector() {
        StandardWebhookVerifier verifier = verifierAt("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 1_614_265_330L);

        assertThat(verifier.verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void acceptsADeliverySignedWithTheSecret() {
        assertThat(VERIFIER.verify(ID, TIMESTAMP, sign(SECRET, ID, TIMESTAMP, BODY), BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void acceptsASecretGivenWithoutItsPrefix() {
        StandardWebhookVerifier verifier = verifierAt(SECRET.substring("whsec_".length()), SENT_AT);

        assertThat(verifier.verify(ID, TIMESTAMP, sign(SECRET, ID, TIMESTAMP, BODY), BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void acceptsWhenAnyOneOfSeveralSignaturesMatches() {
        String header = sign(OTHER_SECRET, ID, TIMESTAMP, BODY) + " v1,bm90LWEtc2lnbmF0dXJl "
                + sign(SECRET, ID, TIMESTAMP, BODY) + " v1a,c29tZXRoaW5nIGVsc2U=";

        assertThat(VERIFIER.verify(ID, TIMESTAMP, header, BODY)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void refusesWhenNoneOfSeveralSignaturesMatches() {
        String header = sign(OTHER_SECRET, ID, TIMESTAMP, BODY) + " v1,bm90LWEtc2lnbmF0dXJl";

        assertThat(VERIFIER.verify(ID, TIMESTAMP, header, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(VERIFIER.verify(ID, TIMESTAMP, sign(OTHER_SECRET, ID, TIMESTAMP, BODY), BODY))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = "{\"type\":\"sale\",\"orderId\":\"order-1002\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(VERIFIER.verify(ID, TIMESTAMP, sign(SECRET, ID, TIMESTAMP, BODY), tampered))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesASignatureOfAnotherDeliveryIdOrTimestamp() {
        String signature = sign(SECRET, ID, TIMESTAMP, BODY);
        String later = Long.toString(SENT_AT + 1);

        assertThat(VERIFIER.verify("msg_other", TIMESTAMP, signature, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(VERIFIER.verify(ID, later, signature, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesTheRightSignatureUnderAnotherVersionTag() {
        String v2 = "v2," + sign(SECRET, ID, TIMESTAMP, BODY).substring(3);

        assertThat(VERIFIER.verify(ID, TIMESTAMP, v2, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesSignatureEntriesThatAreNotVersionCommaBase64() {
        assertThat(VERIFIER.verify(ID, TIMESTAMP, "v1", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(VERIFIER.verify(ID, TIMESTAMP, "v1,***", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(VERIFIER.verify(ID, TIMESTAMP, "v1,", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void acceptsATimestampUpToFiveMinutesEitherSideOfTheClock() {
        for (long offset : new long[] {-300, 300}) {
            String timestamp = Long.toString(SENT_AT + offset);

            assertThat(VERIFIER.verify(ID, timestamp, sign(SECRET, ID, timestamp, BODY), BODY))
                    .as("offset %d s", offset).isEqualTo(Verdict.AUTHENTIC);
        }
    }

    @Test
    void refusesAStaleTimestampEvenWithAValidSignature() {
        String stale = Long.toString(SENT_AT - 301);

        assertThat(VERIFIER.verify(ID, stale, sign(SECRET, ID, stale, BODY), BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    @Test
    void refusesAFutureTimestampEvenWithAValidSignature() {
        String future = Long.toString(SENT_AT + 301);

        assertThat(VERIFIER.verify(ID, future, sign(SECRET, ID, future, BODY), BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    @Test
    void refusesATimestampThatIsNotUnixSeconds() {
        for (String timestamp : new String[] {"2025-04-01T09:30:00Z", "-1743499800", "1743499800.5", "1743499800000000"}) {
            assertThat(VERIFIER.verify(ID, timestamp, sign(SECRET, ID, timestamp, BODY), BODY))
                    .as(timestamp).isEqualTo(Verdict.BAD_TIMESTAMP);
        }
    }

    @Test
    void refusesADeliveryMissingAnyOfTheThreeHeaders() {
        String signature = sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(VERIFIER.verify(null, TIMESTAMP, signature, BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify(ID, null, signature, BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify(ID, TIMESTAMP, null, BODY)).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(VERIFIER.verify(ID, TIMESTAMP, " ", BODY)).isEqualTo(Verdict.MISSING_HEADER);
    }

    @Test
    void refusesASecretThatHoldsNoBase64Key() {
        assertThatThrownBy(() -> verifierAt("whsec_not base64!", SENT_AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64").hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> verifierAt("whsec_", SENT_AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
