package io.goalpost.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadTokensTest {

  private static final String SECRET = "test-LeadTokenSecret-0123456789abcdef";
  private static final String LEAD = "LeadAbcdefgh12345678";
  private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
  private final LeadTokens tokens = new LeadTokens(SECRET);

  @Test
  void aMintedTokenNamesItsLeadUntilItExpiresNinetyDaysLater() {
    String token = tokens.mint(LEAD, NOW);

    assertThat(token).matches("[A-Za-z0-9._-]+");
    assertThat(tokens.leadOf(token, NOW)).contains(LEAD);
    assertThat(tokens.leadOf(token, NOW.plus(Duration.ofDays(90)).minusSeconds(1))).contains(LEAD);
    assertThat(tokens.leadOf(token, NOW.plus(Duration.ofDays(90)))).isEmpty();
  }

  @Test
  void aTamperedTokenNamesNoOne() {
    String token = tokens.mint(LEAD, NOW);
    String otherLead = token.replace(LEAD, "LeadZZZZZZZZ12345678");
    String longerLife = token.replaceFirst("\\.(\\d+)\\.", ".9999999999.");
    String flippedSignature = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

    assertThat(tokens.leadOf(otherLead, NOW)).isEmpty();
    assertThat(tokens.leadOf(longerLife, NOW)).isEmpty();
    assertThat(tokens.leadOf(flippedSignature, NOW)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherSecretOrMalformedNamesNoOne() {
    String foreign = new LeadTokens("another-secret-entirely-0123456789abcdef").mint(LEAD, NOW);

    assertThat(tokens.leadOf(foreign, NOW)).isEmpty();
    assertThat(tokens.leadOf(null, NOW)).isEmpty();
    assertThat(tokens.leadOf("", NOW)).isEmpty();
    assertThat(tokens.leadOf("v1." + LEAD, NOW)).isEmpty();
    assertThat(tokens.leadOf("v2.a.b.c", NOW)).isEmpty();
    assertThat(tokens.leadOf("x".repeat(5000), NOW)).isEmpty();
  }

  @Test
  void refusesASecretShorterThanTheTemplateAllows() {
    assertThatThrownBy(() -> new LeadTokens("short")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LeadTokenSecret");
  }
}
