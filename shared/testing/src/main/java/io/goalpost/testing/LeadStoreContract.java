package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every LeadStore must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class LeadStoreContract {

  private final String suffix = TestIds.suffix();
  private final String email = "ada" + suffix + "@example.com";
  private final String hash = "hash" + suffix;
  private final String leadId = "lead" + suffix;
  private final Instant t0 = Instant.parse("2025-04-01T10:00:00Z");

  protected abstract LeadStore store();

  @Test
  void createsALeadOnceAndFindsItByItsEmailHashWhoeverAsksAgain() {
    String first = store().createOrFind(email, hash, leadId, t0);
    String second = store().createOrFind(email, hash, "other" + suffix, t0.plusSeconds(60));

    assertThat(first).isEqualTo(leadId);
    assertThat(second).isEqualTo(leadId);
    assertThat(store().findByEmailHash(hash)).contains(leadId);
    assertThat(store().find(leadId)).contains(Lead.of(leadId, email, hash, t0));
    assertThat(store().find("other" + suffix)).isEmpty();
    assertThat(store().findByEmailHash("nohash" + suffix)).isEmpty();
  }

  @Test
  void answersTheConsentThatHeldAtAnyMomentFromChangesKeptInAnyOrder() {
    store().createOrFind(email, hash, leadId, t0);
    store().addConsent(leadId, new ConsentChange(false, t0.plusSeconds(200), "c3", "api"));
    store().addConsent(leadId, new ConsentChange(true, t0.plusSeconds(100), "c2", "opt_in"));
    store().addConsent(leadId, new ConsentChange(true, t0.plusSeconds(100), "c2", "opt_in"));

    assertThat(store().consentOf(leadId).changes()).extracting(ConsentChange::changeId).containsExactly("c2", "c3");
    assertThat(store().consentOf(leadId).gdprConsentAt(t0)).isFalse();
    assertThat(store().consentOf(leadId).gdprConsentAt(t0.plusSeconds(150))).isTrue();
    assertThat(store().consentOf(leadId).gdprConsentAt(t0.plusSeconds(200))).isFalse();
  }

  @Test
  void keepsTheFirstJoinOfAVisitorAndFindsTheLeadFromTheVisitor() {
    String visitor = "vid" + suffix;
    store().createOrFind(email, hash, leadId, t0);
    store().join(leadId, new Join(visitor, t0, "opt_in"));
    store().join(leadId, new Join(visitor, t0.plusSeconds(9), "payment"));

    assertThat(store().joinsOf(leadId)).containsExactly(new Join(visitor, t0, "opt_in"));
    assertThat(store().leadsOfVisitor(visitor)).containsExactly(leadId);
    assertThat(store().leadsOfVisitor("nobody" + suffix)).isEmpty();
  }

  @Test
  void keepsDiagnosticJoinsUnderTheEmailHashOnlyAndNotOnTheLead() {
    String visitor = "vid" + suffix;
    store().createOrFind(email, hash, leadId, t0);
    store().addDiagnosticJoin(hash, visitor, t0);
    store().addDiagnosticJoin(hash, visitor, t0);

    assertThat(store().mayNotJoin(hash)).containsExactly(visitor);
    assertThat(store().joinsOf(leadId)).isEmpty();
    assertThat(store().leadsOfVisitor(visitor)).isEmpty();
  }

  @Test
  void aTombstoneKeepsTheIdAndVisitorIdsAndLetsTheEmailStartANewLead() {
    String visitor = "vid" + suffix;
    store().createOrFind(email, hash, leadId, t0);
    store().join(leadId, new Join(visitor, t0, "opt_in"));
    store().addConsent(leadId, new ConsentChange(true, t0, "c1", "opt_in"));
    store().addDiagnosticJoin(hash, "other" + suffix, t0);

    assertThat(store().tombstone(leadId, List.of(visitor), t0.plusSeconds(60))).isTrue();
    assertThat(store().tombstone(leadId, List.of(visitor), t0.plusSeconds(70))).isTrue();
    Lead tombstone = store().find(leadId).orElseThrow();
    assertThat(tombstone.erased()).isTrue();
    assertThat(tombstone.email()).isNull();
    assertThat(tombstone.erasedVisitorIds()).containsExactly(visitor);
    assertThat(store().findByEmailHash(hash)).isEmpty();
    assertThat(store().createOrFind(email, hash, "fresh" + suffix, t0.plusSeconds(90))).isEqualTo("fresh" + suffix);

    store().eraseHistory(leadId);
    store().eraseHistory(leadId);
    assertThat(store().find(leadId).orElseThrow().emailHash()).isNull();
    assertThat(store().consentOf(leadId).changes()).isEmpty();
    assertThat(store().joinsOf(leadId)).isEmpty();
    assertThat(store().leadsOfVisitor(visitor)).isEmpty();
    assertThat(store().mayNotJoin(hash)).isEmpty();
  }

  @Test
  void tombstoningAnUnknownLeadAnswersFalseAndWritesNothing() {
    assertThat(store().tombstone("ghost" + suffix, List.of(), t0)).isFalse();
    assertThat(store().find("ghost" + suffix)).isEmpty();
  }
}
