package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.ClickRequest.Method;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.lead.LeadTokens;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemorySaltStore;
import io.goalpost.testing.RecordingClickFallback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redirect's side of a personalised link (SPEC §3 Clicks, docs/decisions/007). */
class PersonalisedClicksTest {

  private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
  private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
  private static final String LEAD = "LeadAbcdefgh12345678";
  private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

  private final LeadTokens tokens = new LeadTokens("test-LeadTokenSecret-0123456789abcdef");
  private final InMemoryLinkStore links = new InMemoryLinkStore();
  private final InMemoryEventQueue queue = new InMemoryEventQueue();
  private final Redirector redirector = new Redirector(links, queue, new RecordingClickFallback(),
      new FixedIds().withClickIds(CLICK), Clock.fixed(NOW, ZoneOffset.UTC), userAgent -> userAgent.contains("Bot"),
      new ClickerKeys(new DailySalts(new InMemorySaltStore())), tokens);

  @BeforeEach
  void storeALink() {
    links.create(new Link("spring", "Spring", "https://shop.example.com/spring", "email", null, Goal.purchase(null), 30,
        false, NOW, false));
  }

  private ClickEvent follow(String query, String cookie, String userAgent) {
    Redirect redirect = redirector.follow(new ClickRequest("spring", query, cookie, Method.GET, "203.0.113.9", userAgent));
    assertThat(((Redirect.To) redirect).location()).doesNotContain("gp_lt").contains("gp_cid=");
    return (ClickEvent) queue.events().get(queue.events().size() - 1);
  }

  @Test
  void aValidTokenMakesTheLeadTheClickerAndCarriesItToTheWorkerWithTheCookieItMet() {
    ClickEvent click = follow("utm_source=mail&gp_lt=" + tokens.mint(LEAD, NOW.minus(Duration.ofDays(3))), VISITOR, BROWSER);

    assertThat(click.leadId()).isEqualTo(LEAD);
    assertThat(click.clicker()).isEqualTo("lead#" + LEAD);
    assertThat(click.visitorId()).isEqualTo(VISITOR);
    assertThat(click.bot()).isFalse();
  }

  @Test
  void aForgedOrExpiredTokenIsIgnoredAndTheClickIsAnOrdinaryOne() {
    String expired = tokens.mint(LEAD, NOW.minus(Duration.ofDays(91)));
    String forged = new LeadTokens("someone-elses-secret-0123456789abcdef").mint(LEAD, NOW);

    for (String token : new String[] {expired, forged, "v1." + LEAD + ".99999999999.abc", "%zz"}) {
      ClickEvent click = follow("gp_lt=" + token, null, BROWSER);
      assertThat(click.leadId()).as(token).isNull();
      assertThat(click.clicker()).as(token).startsWith("h#");
    }
  }

  @Test
  void aLinkPreviewOfAPersonalisedLinkIsABotClickOfNoLead() {
    ClickEvent click = follow("gp_lt=" + tokens.mint(LEAD, NOW), null, "LinkPreviewBot/1.0");

    assertThat(click.bot()).isTrue();
    assertThat(click.leadId()).isNull();
  }
}
