package io.goalpost.core.attribution;

import io.goalpost.core.lead.ConsentHistory;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is one person (SPEC §1 identity; docs/decisions/007, "One identity per consenting lead").
 * A conversion's leads are the lead it carries and the leads its visitor id is verifiably joined
 * to. Each of them that had {@code gdprConsent} at the conversion's event time and is not erased
 * makes the conversion one person with the lead itself ({@code lead#<leadId>}) and every visitor
 * id joined to it: their clicks are its candidates (path {@code lead}) and their conversions share
 * its goals held per identity. Without such a lead a conversion is its own identity alone.
 *
 * <p>The other direction answers "whose decision may this change?" generously: every conversion
 * that could count an identity as one person with its own, whatever the consent at its time.
 */
public final class Persons {

  private static final String LEAD_IDENTITY = Conversion.identityOfLead("");

  private final Function<String, List<String>> leadsOfVisitor;
  private final Function<String, Boolean> erased;
  private final Function<String, ConsentHistory> consent;
  private final Function<String, List<String>> joinedVisitors;
  private final Function<String, List<String>> conversionsCarrying;
  private final ConversionStore conversions;

  public Persons(LeadStore leads, LeadLineages leadLineages, ConversionStore conversions) {
    this(leads::leadsOfVisitor, lead -> leads.find(lead).map(Lead::erased).orElse(false), leads::consentOf,
        lead -> leads.joinsOf(lead).stream().map(Join::visitorId).toList(), leadLineages::conversionsOf,
        conversions);
  }

  private Persons(Function<String, List<String>> leadsOfVisitor, Function<String, Boolean> erased,
      Function<String, ConsentHistory> consent, Function<String, List<String>> joinedVisitors,
      Function<String, List<String>> conversionsCarrying, ConversionStore conversions) {
    this.leadsOfVisitor = leadsOfVisitor;
    this.erased = erased;
    this.consent = consent;
    this.joinedVisitors = joinedVisitors;
    this.conversionsCarrying = conversionsCarrying;
    this.conversions = Objects.requireNonNull(conversions);
  }

  /** Where there are no leads: every identity is a person of its own. */
  public static Persons withoutLeads(ConversionStore conversions) {
    return new Persons(visitor -> List.of(), lead -> false, lead -> new ConsentHistory(List.of()),
        lead -> List.of(), lead -> List.of(), conversions);
  }

  /**
   * The same answers, each lead read made once: for one decision, which asks about every earlier
   * conversion of a person, mostly of the same few visitor ids and leads.
   */
  Persons remembering() {
    return new Persons(remembered(leadsOfVisitor), remembered(erased), remembered(consent),
        remembered(joinedVisitors), conversionsCarrying, conversions);
  }

  /** The lead it carries, then the leads its visitor id is verifiably joined to. */
  public Set<String> leadsOf(Conversion conversion) {
    Set<String> leadIds = new LinkedHashSet<>();
    if (conversion.leadId() != null) {
      leadIds.add(conversion.leadId());
    }
    if (conversion.visitorId() != null) {
      leadIds.addAll(leadsOfVisitor.apply(conversion.visitorId()));
    }
    return leadIds;
  }

  /** Its leads that make it one person with their other identities (see the class comment). */
  public List<String> consentingLeadsOf(Conversion conversion) {
    return leadsOf(conversion).stream()
        .filter(lead -> consent.apply(lead).gdprConsentAt(conversion.at()))
        .filter(lead -> !erased.apply(lead))
        .toList();
  }

  /** The visitor ids verifiably joined to the lead. */
  public List<String> joinedTo(String leadId) {
    return joinedVisitors.apply(leadId);
  }

  /** Its own identity first, then {@code lead#<leadId>} and the joined visitor ids of each consenting lead. */
  public Set<String> identitiesOf(Conversion conversion) {
    Set<String> identities = new LinkedHashSet<>();
    identities.add(conversion.identity());
    for (String lead : consentingLeadsOf(conversion)) {
      identities.add(Conversion.identityOfLead(lead));
      identities.addAll(joinedVisitors.apply(lead));
    }
    return identities;
  }

  /**
   * Every conversion that may count the identity as one person with its own: the identity's, and
   * those of each lead the identity belongs to (it is that lead's, or a visitor id joined to it).
   */
  public List<Conversion> mayShareAPersonWith(String identity) {
    Map<String, Conversion> found = new LinkedHashMap<>();
    conversions.ofVisitor(identity).forEach(conversion -> found.putIfAbsent(conversion.id(), conversion));
    for (String lead : leadsAround(identity)) {
      conversionsOfLead(lead).forEach(conversion -> found.putIfAbsent(conversion.id(), conversion));
    }
    return List.copyOf(found.values());
  }

  /**
   * Every conversion a change of the lead (a join, a consent change, a click in its lineage) may
   * decide again: those whose leads include it, which may gain or lose candidates and identities,
   * and — since their picks may change — the goals held per identity of everyone who may share a
   * person with one of theirs.
   */
  public List<String> conversionsAround(String leadId) {
    List<Conversion> ofLead = conversionsOfLead(leadId);
    Set<String> ids = new LinkedHashSet<>();
    Set<String> identities = new LinkedHashSet<>();
    for (Conversion conversion : ofLead) {
      ids.add(conversion.id());
      identities.add(conversion.identity());
    }
    for (String identity : identities) {
      mayShareAPersonWith(identity).stream()
          .filter(conversion -> conversion.kind().heldPerIdentity())
          .forEach(conversion -> ids.add(conversion.id()));
    }
    return List.copyOf(ids);
  }

  /** The conversions whose leads include this one: those that carry it, and those of its joined visitor ids. */
  private List<Conversion> conversionsOfLead(String leadId) {
    Map<String, Conversion> found = new LinkedHashMap<>();
    conversions.ofVisitor(Conversion.identityOfLead(leadId)).forEach(conversion -> found.putIfAbsent(conversion.id(), conversion));
    for (String id : conversionsCarrying.apply(leadId)) {
      if (!found.containsKey(id)) {
        conversions.find(id).ifPresent(record -> found.put(id, record.conversion()));
      }
    }
    for (String visitor : joinedVisitors.apply(leadId)) {
      conversions.ofVisitor(visitor).forEach(conversion -> found.putIfAbsent(conversion.id(), conversion));
    }
    return new ArrayList<>(found.values());
  }

  private List<String> leadsAround(String identity) {
    return identity.startsWith(LEAD_IDENTITY)
        ? List.of(identity.substring(LEAD_IDENTITY.length()))
        : leadsOfVisitor.apply(identity);
  }

  private static <V> Function<String, V> remembered(Function<String, V> read) {
    Map<String, V> seen = new HashMap<>();
    return key -> seen.computeIfAbsent(key, read);
  }
}
