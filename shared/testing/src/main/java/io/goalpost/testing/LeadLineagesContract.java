package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.lead.LeadLineages;
import org.junit.jupiter.api.Test;

/** What every LeadLineages must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class LeadLineagesContract {

  private final String suffix = TestIds.suffix();
  private final String lead = "lead" + suffix;

  protected abstract LeadLineages store();

  @Test
  void keepsALeadsClicksOnceAndFindsTheLeadFromEachClick() {
    store().addClick(lead, "bbb" + suffix);
    store().addClick(lead, "aaa" + suffix);
    store().addClick(lead, "aaa" + suffix);
    store().addClick("other" + suffix, "aaa" + suffix);

    assertThat(store().clicksOf(lead)).containsExactly("aaa" + suffix, "bbb" + suffix);
    assertThat(store().leadsOfClick("aaa" + suffix)).containsExactly(lead, "other" + suffix);
    assertThat(store().leadsOfClick("zzz" + suffix)).isEmpty();
  }

  @Test
  void keepsTheConversionsThatCarryALeadOnce() {
    store().referConversion(lead, "sale#o2" + suffix);
    store().referConversion(lead, "opt_in#e1" + suffix);
    store().referConversion(lead, "opt_in#e1" + suffix);

    assertThat(store().conversionsOf(lead)).containsExactly("opt_in#e1" + suffix, "sale#o2" + suffix);
  }

  @Test
  void remembersErasedVisitorIds() {
    store().markErased("vid" + suffix, lead);
    store().markErased("vid" + suffix, lead);

    assertThat(store().isErased("vid" + suffix)).isTrue();
    assertThat(store().isErased("other" + suffix)).isFalse();
  }

  @Test
  void erasingALeadsLineageLeavesOtherLeadsAlone() {
    store().addClick(lead, "c1" + suffix);
    store().addClick("other" + suffix, "c1" + suffix);
    store().referConversion(lead, "sale#o1" + suffix);

    store().erase(lead);
    store().erase(lead);

    assertThat(store().clicksOf(lead)).isEmpty();
    assertThat(store().conversionsOf(lead)).isEmpty();
    assertThat(store().leadsOfClick("c1" + suffix)).containsExactly("other" + suffix);
  }

  @Test
  void aPersonalisedClickIsMarkedWhicheverOfItAndAnOptInNamingItComesFirst() {
    store().addPersonalisedClick(lead, "p1" + suffix);
    store().addClick(lead, "p1" + suffix);
    store().addClick("other" + suffix, "p2" + suffix);
    store().addPersonalisedClick("other" + suffix, "p2" + suffix);
    store().addClick(lead, "named" + suffix);

    assertThat(store().leadsOfPersonalisedClick("p1" + suffix)).containsExactly(lead);
    assertThat(store().leadsOfPersonalisedClick("p2" + suffix)).containsExactly("other" + suffix);
    assertThat(store().leadsOfPersonalisedClick("named" + suffix)).as("named by an opt-in only").isEmpty();
    assertThat(store().clicksOf(lead)).containsExactly("named" + suffix, "p1" + suffix);
    assertThat(store().leadsOfClick("p1" + suffix)).containsExactly(lead);
  }

  @Test
  void erasingALeadTakesItsPersonalisedMarksAndLeavesOtherLeadsAlone() {
    store().addPersonalisedClick(lead, "p1" + suffix);
    store().addPersonalisedClick("other" + suffix, "p1" + suffix);

    store().erase(lead);

    assertThat(store().leadsOfPersonalisedClick("p1" + suffix)).containsExactly("other" + suffix);
    assertThat(store().clicksOf(lead)).isEmpty();
  }
}
