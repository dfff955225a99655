package io.goalpost.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmEmailSealTest {

  private static final String EVENT = "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  private static final String EMAIL = "buyer@example.com";
  private final EmailHashes hashes = new EmailHashes("key-one-0123456789abcdef0123456789");
  private final EmailSeal seal = new AesGcmEmailSeal(hashes);

  @Test
  void opensWhatItSealedToTheSameEvent() {
    assertThat(seal.open(seal.seal(EMAIL, EVENT), EVENT)).contains(EMAIL);
  }

  @Test
  void sealsIntoVersionedBase64UrlTextThatShowsNothingOfTheEmail() {
    String sealed = seal.seal(EMAIL, EVENT);

    assertThat(sealed).matches("v1\\.[A-Za-z0-9_-]+").doesNotContain("@").doesNotContainIgnoringCase("buyer")
        .doesNotContainIgnoringCase("example");
  }

  @Test
  void sealsTheSameEmailDifferentlyEachTimeSoTwoSealsCannotBeMatched() {
    assertThat(seal.seal(EMAIL, EVENT)).isNotEqualTo(seal.seal(EMAIL, EVENT));
  }

  @Test
  void refusesASealMovedToAnotherEvent() {
    String sealed = seal.seal(EMAIL, EVENT);

    assertThat(seal.open(sealed, "orders:msg_another")).isEmpty();
  }

  @Test
  void refusesASealUnderAnotherKey() {
    String sealed = new AesGcmEmailSeal(new EmailHashes("key-two-0123456789abcdef0123456789")).seal(EMAIL, EVENT);

    assertThat(seal.open(sealed, EVENT)).isEmpty();
  }

  @Test
  void refusesATamperedCiphertextNonceOrTag() {
    byte[] message = Base64.getUrlDecoder().decode(seal.seal(EMAIL, EVENT).substring(3));
    for (int at : new int[] {0, 12, message.length - 1}) {
      byte[] tampered = message.clone();
      tampered[at] ^= 1;

      assertThat(seal.open("v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered), EVENT))
          .as("byte %d flipped", at).isEmpty();
    }
  }

  @Test
  void refusesTextThatIsNotASealOfThisVersion() {
    String body = seal.seal(EMAIL, EVENT).substring(3);

    assertThat(seal.open("v2." + body, EVENT)).isEmpty();
    assertThat(seal.open(EMAIL, EVENT)).isEmpty();
    assertThat(seal.open("v1.not base64!", EVENT)).isEmpty();
    assertThat(seal.open("v1.AAAA", EVENT)).isEmpty();
    assertThat(seal.open(null, EVENT)).isEmpty();
  }

  @Test
  void derivesItsKeyFromEmailHashKeyButNeverUnderALabelAnEmailHashCouldShare() {
    assertThat(hashes.derivedKey(AesGcmEmailSeal.KEY_LABEL)).hasSize(32);
    assertThatThrownBy(() -> hashes.derivedKey(EMAIL)).isInstanceOf(IllegalArgumentException.class);
  }
}
