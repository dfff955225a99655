package io.goalpost.aws.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.click.BotUserAgents;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The maintained list as the redirect loads it, against the user agents that must and must not be bots. */
class CrawlerUserAgentsTest {

  private static final BotUserAgents BOTS = CrawlerUserAgents.load();

  /** Sent by people, in browsers and in the in-app browsers links are clicked from. */
  private static final List<String> BROWSERS = List.of(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
          + "Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 "
          + "Edg/124.0.2478.67",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile "
          + "Safari/537.36",
      "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 "
          + "Chrome/117.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
          + "Safari/605.1.15",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
          + "[FBAN/FBIOS;FBAV/458.0.0.40.107;FBBV/586364040;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;"
          + "FBID/phone;FBLC/en_US;FBOP/5]",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
          + "Instagram 326.0.3.30.91 (iPhone14,5; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 586364040)",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
          + "musical_ly_34.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US WKWebView/1 "
          + "BytedanceWebview/d8a21c6",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
          + "[LinkedInApp]/9.29.6");

  @Test
  void loadsTheWholeListAndEveryPatternCompilesInJava() {
    assertThat(CrawlerUserAgents.patterns()).hasSizeGreaterThan(1000);
  }

  @Test
  void findsEveryExampleTheListGivesForItsOwnPatterns() throws Exception {
    List<String> missed = new ArrayList<>();
    for (String instance : listInstances()) {
      if (!BOTS.isBot(instance)) {
        missed.add(instance);
      }
    }

    assertThat(missed).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "Slackbot 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Twitterbot/1.0",
      "WhatsApp/2.23.20.0 A",
      "TelegramBot (like TwitterBot)",
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
      "Mozilla/5.0 (Linux; Android 11; Pixel 2; DuplexWeb-Google/1.0) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/86.0.4240.193 Mobile Safari/537.36 Google-PageRenderer Google",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 "
          + "Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
      "Mozilla/5.0 (compatible; Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots)",
      "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
      "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)",
      "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/) Bot",
      "redditbot/1.0",
      "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
      "Iframely/1.3.1 (+https://iframely.com/docs/about) Atlassian",
      "Mozilla/5.0 (compatible; Yahoo Link Preview; https://help.yahoo.com/kb/mail/yahoo-link-preview-SLN23615.html)",
      "Microsoft Office Existence Discovery",
      "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) "
          + "Chrome/116.0.1938.76 Safari/537.36",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
      "curl/8.5.0",
      "python-requests/2.31.0"})
  void countsLinkPreviewFetchersCrawlersAndScriptsAsBots(String userAgent) {
    assertThat(BOTS.isBot(userAgent)).isTrue();
  }

  @Test
  void letsPeoplesBrowsersAndInAppBrowsersThrough() {
    assertThat(BROWSERS).allSatisfy(browser -> assertThat(BOTS.isBot(browser)).as(browser).isFalse());
  }

  @Test
  void countsAClickWithoutAUserAgentAsABot() {
    assertThat(BOTS.isBot(null)).isTrue();
    assertThat(BOTS.isBot("")).isTrue();
  }

  /**
   * Not a timing assertion (a shared CI machine makes those flaky): classifies 10,000 user agents,
   * half bots, checks every answer, and prints how long it took (docs/decisions/002 records it).
   */
  @Test
  void classifiesTenThousandUserAgentsCorrectly() throws Exception {
    List<String> bots = listInstances();
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sample.add(i % 2 == 0 ? BROWSERS.get(i / 2 % BROWSERS.size()) : bots.get(i / 2 % bots.size()));
    }
    long started = System.nanoTime();
    BotUserAgents fresh = CrawlerUserAgents.load();
    long loaded = System.nanoTime();
    long[] rounds = new long[3];
    for (int round = 0; round < rounds.length; round++) {
      long roundStarted = System.nanoTime();
      int found = 0;
      for (String userAgent : sample) {
        found += fresh.isBot(userAgent) ? 1 : 0;
      }
      rounds[round] = (System.nanoTime() - roundStarted) / 1_000_000;
      assertThat(found).isEqualTo(5_000);
    }

    System.out.printf("bot list: loaded and compiled in %d ms; 10,000 user agents classified in %d, %d, %d ms%n",
        (loaded - started) / 1_000_000, rounds[0], rounds[1], rounds[2]);
  }

  private static List<String> listInstances() throws Exception {
    List<String> instances = new ArrayList<>();
    try (InputStream in = CrawlerUserAgents.class.getResourceAsStream(CrawlerUserAgents.RESOURCE)) {
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        entry.path("instances").forEach(instance -> instances.add(instance.asText()));
      }
    }
    return instances;
  }
}
