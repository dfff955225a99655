package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotUserAgentsTest {

  private final BotUserAgents bots = BotUserAgents.matching(List.of("Googlebot\\/", "^curl", "[pP]ingdom", "Go 1\\.1"));

  @Test
  void findsAPlainTextPatternAnywhereInTheUserAgent() {
    assertThat(bots.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
    assertThat(bots.isBot("Googlebot/2.1")).isTrue();
    assertThat(bots.isBot("Mozilla/5.0 Go 1.1 package http")).isTrue();
  }

  @Test
  void appliesRealExpressionsAsTheyAreWritten() {
    assertThat(bots.isBot("curl/8.5.0")).isTrue();
    assertThat(bots.isBot("libcurl-agent curl/8.5.0")).as("^curl is anchored").isFalse();
    assertThat(bots.isBot("Pingdom.com_bot_version_1.4")).isTrue();
    assertThat(bots.isBot("pingdom")).isTrue();
  }

  @Test
  void matchesCaseSensitivelyAsTheListIsWritten() {
    assertThat(bots.isBot("googlebot/2.1")).isFalse();
  }

  @Test
  void countsARequestWithoutAUserAgentAsABot() {
    assertThat(bots.isBot(null)).isTrue();
    assertThat(bots.isBot("")).isTrue();
    assertThat(bots.isBot("   ")).isTrue();
  }

  @Test
  void letsABrowserThrough() {
    assertThat(bots.isBot("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0")).isFalse();
    assertThat(bots.isBot("x")).isFalse();
  }

  @Test
  void addsTheFetchersTheListLacks() {
    BotUserAgents withoutList = BotUserAgents.matching(List.of());

    assertThat(withoutList.isBot("Mozilla/5.0 (Linux; Android 11; Pixel 2; DuplexWeb-Google/1.0) AppleWebKit/537.36 "
        + "(KHTML, like Gecko) Chrome/86.0.4240.193 Mobile Safari/537.36 Google-PageRenderer Google "
        + "(+https://developers.google.com/+/web/snippet/)")).isTrue();
    assertThat(withoutList.isBot("Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)")).isTrue();
    assertThat(withoutList.isBot("Microsoft Office Existence Discovery")).isTrue();
    assertThat(withoutList.isBot("Microsoft Office Word 2014")).isTrue();
    assertThat(withoutList.isBot("Mozilla/4.0 (compatible; ms-office; MSOffice 16)")).isTrue();
    assertThat(withoutList.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/124.0.0.0 Safari/537.36")).isFalse();
  }

  @Test
  void tellsPlainTextFromExpressions() {
    assertThat(BotUserAgents.literalOf("Googlebot\\/")).contains("Googlebot/");
    assertThat(BotUserAgents.literalOf("Mediapartners \\(Googlebot\\)")).contains("Mediapartners (Googlebot)");
    assertThat(BotUserAgents.literalOf("Go 1\\.1")).contains("Go 1.1");
    assertThat(BotUserAgents.literalOf("^curl")).isEmpty();
    assertThat(BotUserAgents.literalOf("BlogTraffic\\/\\d\\.\\d+")).isEmpty();
    assertThat(BotUserAgents.literalOf("a.b")).as("an unescaped dot is any character").isEmpty();
    assertThat(BotUserAgents.literalOf("x")).as("too short to index").isEmpty();
  }

  @Test
  void knowsTheTextAnExpressionCannotMatchWithout() {
    assertThat(BotUserAgents.requiredTextOf("[Cc]urebot")).isEqualTo("urebot");
    assertThat(BotUserAgents.requiredTextOf("(sistrix|SISTRIX) [cC]rawler")).isEqualTo("rawler");
    assertThat(BotUserAgents.requiredTextOf("(^| )sentry\\/")).isEqualTo("sentry/");
    assertThat(BotUserAgents.requiredTextOf("^curl")).isEqualTo("curl");
    assertThat(BotUserAgents.requiredTextOf("BlogTraffic\\/\\d\\.\\d+ Feed-Fetcher")).isEqualTo(" Feed-Fetcher");
    assertThat(BotUserAgents.requiredTextOf("ContextualBot[\\s\\S]*outcomes\\.net")).isEqualTo("ContextualBot");
    assertThat(BotUserAgents.requiredTextOf("colou?r-bot")).as("an optional u splits the text").isEqualTo("r-bot");
    assertThat(BotUserAgents.requiredTextOf("Netumo|netumo")).as("either side may match").isEmpty();
  }

  @Test
  void runsAnExpressionWhoseRequiredTextIsPresent() {
    BotUserAgents expressions = BotUserAgents.matching(List.of("(sistrix|SISTRIX) [cC]rawler", "Chirp|gotosocial"));

    assertThat(expressions.isBot("Mozilla/5.0 (compatible; SISTRIX Crawler; http://crawler.sistrix.net/)")).isTrue();
    assertThat(expressions.isBot("Mozilla/5.0 (compatible; Other Crawler)")).isFalse();
    assertThat(expressions.isBot("gotosocial/0.15.0")).isTrue();
  }

  @Test
  void refusesAPatternJavaCannotCompileNamingIt() {
    assertThatThrownBy(() -> BotUserAgents.matching(List.of("ok", "(unclosed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(unclosed");
  }
}
