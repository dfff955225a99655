package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickAttribution;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides a conversion's credit from what is stored, and moves it when the decision changes
 * (docs/decisions/001-data-model.md, "Credits and order independence").
 *
 * <p>The credit is a function of stored facts: the conversion, its candidates, and — for goals
 * held per identity — the identity's earlier conversions. Each event is written before its
 * counterparts are read, and the conversion is read before its candidates. A change is one
 * conditional write of the conversion (new credit, version + 1, and the counter operation as
 * {@code pending}), then the operation, then clearing it; a crash in between leaves the operation
 * pending for the next reader to finish before it decides anything.
 *
 * <p>Facts that only add candidates let a decision that still stands go unwritten. Facts that can
 * take a candidate or a held goal away (a claim moving a click to an earlier visitor, an earlier
 * conversion of the same person) are followed by a <em>re-evaluation</em>, which moves the
 * version even when the credit stays: any decision made from reads older than the fact then loses
 * its version check and is made again.
 *
 * <p>A goal held per identity is held per person: a consenting lead's conversions and those of
 * its joined visitor ids are one person's ({@link Persons}; docs/decisions/007, "One identity per
 * consenting lead"). Who that is comes with the lead candidate source; without one, each identity
 * is a person of its own.
 */
public final class CreditEvaluator implements ClickAttribution {

  /** Each lost version check means another worker made progress; this many in a row is a bug. */
  static final int MAX_ATTEMPTS = 25;

  private final ConversionStore conversions;
  private final List<CandidateSource> sources;
  private final LinkStore links;
  private final AttributionModel model;
  private final CounterStore counters;
  private final OrderSettler orders;
  private final Predicate<Conversion> settledForGood;
  private final Persons persons;

  /** An evaluator whose sales have no rebills or refunds to carry along (tests of credits alone). */
  public CreditEvaluator(ConversionStore conversions, List<CandidateSource> sources, LinkStore links,
      AttributionModel model, CounterStore counters) {
    this(conversions, sources, links, model, counters, null);
  }

  /**
   * @param sources in path precedence: a click reached by several sources keeps the first path
   * @param orders  settles a sale's order after its credit is settled, so its rebills and refunds
   *                follow the credit (null: none)
   */
  public CreditEvaluator(ConversionStore conversions, List<CandidateSource> sources, LinkStore links,
      AttributionModel model, CounterStore counters, OrderSettler orders) {
    this(conversions, sources, links, model, counters, orders, conversion -> false);
  }

  /**
   * @param settledForGood conversions whose credit stays as it is (an erased identity's: its
   *                       lineage is gone, and the credit it earned is kept, docs/decisions/007)
   */
  public CreditEvaluator(ConversionStore conversions, List<CandidateSource> sources, LinkStore links,
      AttributionModel model, CounterStore counters, OrderSettler orders, Predicate<Conversion> settledForGood) {
    this.conversions = Objects.requireNonNull(conversions);
    this.sources = List.copyOf(sources);
    this.links = Objects.requireNonNull(links);
    this.model = Objects.requireNonNull(model);
    this.counters = Objects.requireNonNull(counters);
    this.orders = orders;
    this.settledForGood = Objects.requireNonNull(settledForGood);
    this.persons = this.sources.stream()
        .filter(LeadCandidates.class::isInstance)
        .map(source -> ((LeadCandidates) source).persons())
        .findFirst()
        .orElseGet(() -> Persons.withoutLeads(conversions));
  }

  /**
   * Decides again every conversion the click may be a candidate of. A click only adds a
   * candidate, so a sale whose credit stands is left unwritten; a goal held per identity is
   * re-evaluated, since the click may change which of the identity's conversions holds it.
   */
  @Override
  public void reconsider(Click click) {
    Set<String> reached = new LinkedHashSet<>();
    sources.forEach(source -> reached.addAll(source.conversionsReachedBy(click)));
    reached.forEach(id -> settle(id, conversion -> conversion.kind().heldPerIdentity()));
  }

  /**
   * Brings the stored credit of a stored conversion in line with its candidates, writing only
   * when it changes; answers the credit it ends with. Its recorder re-evaluates the later
   * conversions of its person when it earns a credit; when it picks a link whose goal an earlier
   * conversion of its person holds, this does: a later one that is one person with it but not
   * with the holder (consent withdrawn in between, a visitor id joined to two leads) is still
   * held by it.
   */
  public Optional<Credit> evaluate(String conversionId) {
    Decision decision = settle(conversionId, conversion -> false);
    if (decision.heldByAnEarlierOne()) {
      reevaluateLaterOfItsIdentity(decision.conversion());
    }
    return decision.credit();
  }

  /** Decides again and moves the version even if the credit stays (see the class comment). */
  public void reevaluate(String conversionId) {
    settle(conversionId, conversion -> true);
  }

  /**
   * Re-evaluates the visitor's conversions made at or after {@code since}, and those of everyone
   * who may be one person with the visitor: its clicks are their candidates too (path
   * {@code lead}), and their held goals depend on its conversions' picks.
   */
  public void reevaluateVisitorFrom(String visitorId, Instant since) {
    persons.mayShareAPersonWith(visitorId).stream()
        .filter(conversion -> !conversion.at().isBefore(since))
        .sorted(Conversion.BY_TIME)
        .forEach(conversion -> reevaluate(conversion.id()));
  }

  /**
   * Re-evaluates the conversions of the same kind made after this one by anyone who may be one
   * person with it: a goal it holds is no longer theirs to hold.
   */
  public void reevaluateLaterOfItsIdentity(Conversion conversion) {
    persons.mayShareAPersonWith(conversion.identity()).stream()
        .filter(later -> later.kind() == conversion.kind() && Conversion.BY_TIME.compare(later, conversion) > 0)
        .sorted(Conversion.BY_TIME)
        .forEach(later -> reevaluate(later.id()));
  }

  private Decision settle(String conversionId, Predicate<Conversion> forceWrite) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ConversionRecord record = conversions.find(conversionId)
          .orElseThrow(() -> new IllegalStateException("no stored conversion " + conversionId));
      Conversion conversion = record.conversion();
      record.pendingOperation().ifPresent(pending -> finish(conversionId, pending));
      if (settledForGood.test(conversion)) {
        return settledOrderOf(new Decision(conversion, Optional.ofNullable(record.credit()), false));
      }
      Decision decided = decide(conversion);
      Credit credit = decided.credit().orElse(null);
      if (Objects.equals(credit, record.credit()) && !forceWrite.test(conversion)) {
        return settledOrderOf(decided);
      }
      long next = record.version() + 1;
      Optional<Operation> move = CreditMove.between(conversion, record.credit(), credit, next);
      if (conversions.changeCredit(conversionId, record.version(), credit, move.orElse(null))) {
        move.ifPresent(operation -> finish(conversionId, operation));
        return settledOrderOf(decided);
      }
    }
    throw new IllegalStateException("the credit of " + conversionId + " kept changing under other workers");
  }

  /**
   * A sale's rebills and refunds follow its credit. Settled every time, also when the credit stood:
   * a redelivery after a crash between the credit's change and the order's settle must still carry
   * them along.
   */
  private Decision settledOrderOf(Decision decision) {
    if (orders != null && decision.conversion().kind() == Conversion.Kind.SALE) {
      orders.settle(decision.conversion().orderId());
    }
    return decision;
  }

  private void finish(String conversionId, Operation operation) {
    counters.apply(operation);
    conversions.clearPending(conversionId, operation.id());
  }

  /**
   * The model's pick among the counting candidates. A goal held per identity goes to the pick
   * only if no earlier conversion of the same kind by the same person picks the same link (it
   * holds that goal; the conversion then gets nothing — no fall-through to another link, SPEC §3
   * Attribution). The person is judged at this conversion's time: its own identity, and the
   * identities of each lead that had {@code gdprConsent} then. An earlier conversion whose credit
   * is settled for good (an erased identity's) holds what its stored credit names.
   */
  private Decision decide(Conversion conversion) {
    Persons person = persons.remembering();
    Map<String, List<Candidate>> candidatesByReach = new HashMap<>();
    Map<String, Optional<Link>> linksBySlug = new HashMap<>();
    Optional<Candidate> pick = pick(conversion, candidatesOf(conversion, person, candidatesByReach), linksBySlug);
    if (pick.isEmpty() || !conversion.kind().heldPerIdentity()) {
      return new Decision(conversion, pick.map(Candidate::credit), false);
    }
    String slug = pick.get().click().slug();
    Map<String, Boolean> settledByIdentity = new HashMap<>();
    for (String identity : person.identitiesOf(conversion)) {
      for (Conversion earlier : conversions.ofVisitor(identity)) {
        if (earlier.kind() != conversion.kind() || Conversion.BY_TIME.compare(earlier, conversion) >= 0) {
          continue;
        }
        boolean settled = settledByIdentity.computeIfAbsent(earlier.visitorId() + "|" + earlier.leadId(),
            key -> settledForGood.test(earlier));
        Optional<String> held = settled
            ? conversions.find(earlier.id()).map(ConversionRecord::credit).map(Credit::slug)
            : pick(earlier, candidatesOf(earlier, person, candidatesByReach), linksBySlug)
                .map(candidate -> candidate.click().slug());
        if (held.filter(slug::equals).isPresent()) {
          return new Decision(conversion, Optional.empty(), true);
        }
      }
    }
    return new Decision(conversion, pick.map(Candidate::credit), false);
  }

  /**
   * Its candidates, read once per reach: they depend only on its visitor id, its click id and its
   * consenting leads, which an identity's conversions mostly share.
   */
  private List<Candidate> candidatesOf(Conversion conversion, Persons person, Map<String, List<Candidate>> byReach) {
    String reach = conversion.visitorId() + "|" + conversion.clickId() + "|" + person.consentingLeadsOf(conversion);
    return byReach.computeIfAbsent(reach, key -> candidatesOf(conversion));
  }

  private List<Candidate> candidatesOf(Conversion conversion) {
    Map<String, Candidate> byClick = new LinkedHashMap<>();
    for (CandidateSource source : sources) {
      source.candidatesOf(conversion).forEach(c -> byClick.putIfAbsent(c.click().clickId(), c));
    }
    return List.copyOf(byClick.values());
  }

  private Optional<Candidate> pick(Conversion conversion, List<Candidate> candidates,
      Map<String, Optional<Link>> linksBySlug) {
    List<Candidate> counting = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Optional<Link> link = linksBySlug.computeIfAbsent(candidate.click().slug(), links::find);
      if (link.isPresent() && CreditRules.counts(link.get(), candidate.click(), conversion)) {
        counting.add(candidate);
      }
    }
    return model.pick(counting);
  }

  /**
   * What was decided for the conversion: its credit, and whether it picked a link whose goal an
   * earlier conversion of its person holds.
   */
  private record Decision(Conversion conversion, Optional<Credit> credit, boolean heldByAnEarlierOne) {
  }
}
