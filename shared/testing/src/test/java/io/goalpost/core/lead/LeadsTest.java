package io.goalpost.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryClickStore;
import io.goalpost.testing.InMemoryConversionStore;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLeadLineages;
import io.goalpost.testing.InMemoryLeadStore;
import io.goalpost.testing.InMemoryLineageStore;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.InMemoryVisitorTouches;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The api's side of leads over the in-memory fakes (SPEC §3 Leads, §4). */
class LeadsTest {

  private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
  private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
  private static final EmailHashes HASHES = new EmailHashes("test-EmailHashKey-not-secret-0123456789");

  private final InMemoryLeadStore store = new InMemoryLeadStore();
  private final InMemoryEventQueue queue = new InMemoryEventQueue();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryLinkStore links = new InMemoryLinkStore();
  private final LeadTokens tokens = new LeadTokens("test-LeadTokenSecret-0123456789abcdef");
  private final Leads leads = new Leads(store,
      new LeadLog(new InMemoryLeadLineages(), new InMemoryClickStore(), new InMemoryLineageStore(),
          new InMemoryVisitorTouches(), new InMemoryConversionStore()),
      HASHES, tokens, links, queue, outbox, new FixedIds(), Clock.fixed(NOW, ZoneOffset.UTC));

  private LeadView done(LeadResult result) {
    assertThat(result).isInstanceOf(LeadResult.Done.class);
    return ((LeadResult.Done) result).view();
  }

  @Test
  void anOptInCreatesTheLeadByItsNormalisedEmailRecordsConsentJoinsTheVisitorAndEnqueuesTheConversion() {
    LeadResult result = leads.optIn(new OptInRequest(" Ada@Example.com ", true, VISITOR, null, "newsletter",
        "2025-04-01T09:00:00Z"));

    LeadView view = done(result);
    assertThat(((LeadResult.Done) result).created()).isTrue();
    assertThat(view.lead().email()).isEqualTo("ada@example.com");
    assertThat(view.consent()).extracting(ConsentChange::gdprConsent, ConsentChange::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(true, Instant.parse("2025-04-01T09:00:00Z")));
    assertThat(view.joins()).extracting(Join::visitorId).containsExactly(VISITOR);
    LeadEvent event = (LeadEvent) queue.events().get(0);
    assertThat(event.kind()).isEqualTo(LeadEvent.Kind.OPT_IN);
    assertThat(event.leadId()).isEqualTo(view.lead().leadId());
    assertThat(event.formId()).isEqualTo("newsletter");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-04-01T09:00:00Z"));
  }

  @Test
  void aSecondOptInOfTheSameEmailFindsTheSameLead() {
    String first = done(leads.optIn(new OptInRequest("ada@example.com", null, null, null, null, null))).lead().leadId();
    LeadResult second = leads.optIn(new OptInRequest("ADA@example.com", null, null, null, null, null));

    assertThat(done(second).lead().leadId()).isEqualTo(first);
    assertThat(((LeadResult.Done) second).created()).isFalse();
  }

  @Test
  void withoutConsentTheVisitorIsOnlyADiagnosticJoinNeverShownOnTheLead() {
    LeadView view = done(leads.optIn(new OptInRequest("bob@example.com", false, VISITOR, null, null, null)));

    assertThat(view.joins()).isEmpty();
    assertThat(store.mayNotJoin(HASHES.of("bob@example.com"))).containsExactly(VISITOR);
  }

  @Test
  void refusesBadFieldsWithTheirReasonAndWritesNothing() {
    assertThat(leads.optIn(new OptInRequest("not-an-email", true, null, null, null, null)))
        .isEqualTo(new LeadResult.Invalid("email: must be an email address (at most 254 characters)"));
    assertThat(leads.optIn(new OptInRequest("a@example.com", true, "short", null, null, null)))
        .isEqualTo(new LeadResult.Invalid("visitorId: must match [A-Za-z0-9]{16,32}"));
    assertThat(leads.optIn(new OptInRequest("a@example.com", true, null, "bad id!", null, null)))
        .isEqualTo(new LeadResult.Invalid("clickId: must match [A-Za-z0-9]{16,32}"));
    assertThat(leads.optIn(new OptInRequest("a@example.com", true, null, null, "<form>", null)))
        .isEqualTo(new LeadResult.Invalid("formId: must match [A-Za-z0-9_.:-]{1,64}"));
    assertThat(leads.optIn(new OptInRequest("a@example.com", true, null, null, null, "yesterday")))
        .isInstanceOf(LeadResult.Invalid.class);
    assertThat(leads.optIn(new OptInRequest("a@example.com", true, null, null, null, "2030-01-01T00:00:00Z")))
        .isEqualTo(new LeadResult.Invalid("occurredAt: must not be in the future"));
    assertThat(store.findByEmailHash(HASHES.of("a@example.com"))).isEmpty();
    assertThat(queue.events()).isEmpty();
  }

  @Test
  void searchFindsALeadByEmailAndAnswersNotFoundOtherwise() {
    String id = done(leads.optIn(new OptInRequest("ada@example.com", null, null, null, null, null))).lead().leadId();

    assertThat(done(leads.search("  ADA@example.com")).lead().leadId()).isEqualTo(id);
    assertThat(leads.search("nobody@example.com")).isInstanceOf(LeadResult.NotFound.class);
    assertThat(leads.search("nope")).isInstanceOf(LeadResult.Invalid.class);
  }

  @Test
  void aConsentChangeIsKeptWithItsTimeAndTheWorkerIsTold() {
    String id = done(leads.optIn(new OptInRequest("ada@example.com", true, null, null, null, "2025-03-01T00:00:00Z")))
        .lead().leadId();

    LeadView view = done(leads.changeConsent(id, false));

    assertThat(view.consent()).extracting(ConsentChange::gdprConsent).containsExactly(true, false);
    assertThat(store.consentOf(id).gdprConsentAt(NOW.minusSeconds(1))).isTrue();
    assertThat(store.consentOf(id).gdprConsentAt(NOW)).isFalse();
    assertThat(((LeadEvent) queue.events().get(1)).kind()).isEqualTo(LeadEvent.Kind.CONSENT);
    assertThat(leads.changeConsent("Unknown1234567890", true)).isInstanceOf(LeadResult.NotFound.class);
  }

  @Test
  void erasureTombstonesAtOnceEnqueuesTheCommandAndLeavesTheLeadUnfindable() {
    String id = done(leads.optIn(new OptInRequest("ada@example.com", true, VISITOR, null, null, null))).lead().leadId();

    assertThat(leads.erase(id)).isEqualTo(new LeadResult.Erasing(id));
    assertThat(leads.erase(id)).isEqualTo(new LeadResult.Erasing(id));

    assertThat(store.find(id).orElseThrow().erasedVisitorIds()).containsExactly(VISITOR);
    assertThat(store.emails()).isEmpty();
    assertThat(leads.find(id)).isEqualTo(new LeadResult.NotFound("this lead was erased", true));
    assertThat(leads.search("ada@example.com")).isInstanceOf(LeadResult.NotFound.class);
    assertThat(queue.events()).filteredOn(e -> ((LeadEvent) e).kind() == LeadEvent.Kind.ERASE).hasSize(2);
    assertThat(leads.erase("Unknown1234567890")).isInstanceOf(LeadResult.NotFound.class);
  }

  @Test
  void aPersonalisedLinkNamesTheLeadOnALiveLinkOnly() {
    String id = done(leads.optIn(new OptInRequest("ada@example.com", null, null, null, null, null))).lead().leadId();
    links.create(new Link("spring", "Spring", "https://shop.example.com/", "email", null, Goal.purchase(null), 30, false,
        NOW, false));

    LeadResult.Token token = (LeadResult.Token) leads.personalise(id, "spring");

    assertThat(tokens.leadOf(token.token(), NOW)).contains(id);
    assertThat(leads.personalise(id, "nope")).isInstanceOf(LeadResult.NotFound.class);
    assertThat(leads.personalise("Unknown1234567890", "spring")).isInstanceOf(LeadResult.NotFound.class);
  }

  @Test
  void aQueueOutageKeepsTheEventInTheOutboxAndTheOptInStillSucceeds() {
    queue.failWith(new IllegalStateException("queue down"));

    done(leads.optIn(new OptInRequest("ada@example.com", true, null, null, null, null)));

    assertThat(outbox.oldest(10)).hasSize(1);
  }
}
