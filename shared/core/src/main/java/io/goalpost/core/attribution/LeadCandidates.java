package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The clicks of a conversion's leads (SPEC §3 Attribution; docs/decisions/007): the lead it
 * carries and the leads its visitor id is verifiably joined to. Only a lead with
 * {@code gdprConsent} at the conversion's event time offers anything: the clicks of its own
 * lineage (its {@code gp_lt} clicks) and the lineages of every visitor joined to it. Path
 * {@code lead}, third in precedence. Which leads those are is {@link Persons}' question, asked
 * alike for the goals a person holds.
 */
public final class LeadCandidates implements CandidateSource {

  private final LeadStore leads;
  private final LeadLineages leadLineages;
  private final ClickStore clicks;
  private final LineageStore lineages;
  private final ClickOwners owners;
  private final Persons persons;

  public LeadCandidates(LeadStore leads, LeadLineages leadLineages, ClickStore clicks, LineageStore lineages,
      ClickOwners owners, ConversionStore conversions) {
    this.leads = Objects.requireNonNull(leads);
    this.leadLineages = Objects.requireNonNull(leadLineages);
    this.clicks = Objects.requireNonNull(clicks);
    this.lineages = Objects.requireNonNull(lineages);
    this.owners = Objects.requireNonNull(owners);
    this.persons = new Persons(leads, leadLineages, conversions);
  }

  /** Who is one person, by the same leads this source reaches clicks through. */
  public Persons persons() {
    return persons;
  }

  @Override
  public List<Candidate> candidatesOf(Conversion conversion) {
    List<Candidate> candidates = new ArrayList<>();
    for (String lead : persons.consentingLeadsOf(conversion)) {
      List<Click> reached = new ArrayList<>();
      leadLineages.clicksOf(lead).forEach(clickId -> clicks.find(clickId).ifPresent(reached::add));
      for (String visitor : persons.joinedTo(lead)) {
        reached.addAll(lineages.clicksOf(visitor));
        reached.addAll(owners.wonBy(visitor));
      }
      reached.stream().filter(Click::human).forEach(click -> candidates.add(new Candidate(click, CreditPath.LEAD)));
    }
    return candidates;
  }

  /** The conversions of every lead whose lineage holds the click, directly or through a joined visitor. */
  @Override
  public List<String> conversionsReachedBy(Click click) {
    Set<String> leadIds = new LinkedHashSet<>(leadLineages.leadsOfClick(click.clickId()));
    owners.ownerOf(click).ifPresent(owner -> leadIds.addAll(leads.leadsOfVisitor(owner)));
    Set<String> reached = new LinkedHashSet<>();
    leadIds.forEach(lead -> reached.addAll(conversionsOfLead(lead)));
    return List.copyOf(reached);
  }

  /**
   * Every conversion a change of the lead (a join, a consent change) may decide again: its own
   * and its joined visitors', and the held goals of everyone who may be one person with them.
   */
  public List<String> conversionsOfLead(String leadId) {
    return persons.conversionsAround(leadId);
  }

  /** Whether the visitor id is verifiably joined to the lead (a join is written only under consent). */
  public boolean joins(String leadId, String visitorId) {
    return leads.joinsOf(leadId).stream().anyMatch(join -> join.visitorId().equals(visitorId));
  }
}
