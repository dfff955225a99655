package io.goalpost.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

  @Test
  void trimsAndLowerCasesAnAddress() {
    assertThat(EmailAddresses.normalise("  Ada.Lovelace@Example.COM ")).contains("ada.lovelace@example.com");
  }

  @Test
  void refusesWhatIsNotShapedLikeAnAddress() {
    assertThat(EmailAddresses.normalise(null)).isEmpty();
    assertThat(EmailAddresses.normalise("")).isEmpty();
    assertThat(EmailAddresses.normalise("ada")).isEmpty();
    assertThat(EmailAddresses.normalise("ada@localhost")).isEmpty();
    assertThat(EmailAddresses.normalise("a b@example.com")).isEmpty();
    assertThat(EmailAddresses.normalise("a@b@example.com")).isEmpty();
    assertThat(EmailAddresses.normalise("a@" + "x".repeat(250) + ".com")).isEmpty();
  }

  @Test
  void hashesTheSameAddressAlikeUnderOneKeyAndApartUnderAnother() {
    EmailHashes one = new EmailHashes("key-one-0123456789abcdef0123456789");
    EmailHashes two = new EmailHashes("key-two-0123456789abcdef0123456789");

    assertThat(one.of("ada@example.com")).isEqualTo(one.of("ada@example.com")).hasSize(64)
        .doesNotContain("ada");
    assertThat(one.of("ada@example.com")).isNotEqualTo(two.of("ada@example.com"));
  }
}
