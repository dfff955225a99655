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
 * conversion of the same identity) are followed by a <em>re-evaluation</em>, which moves the
 * version even when the credit stays: any decision made from reads older than the fact then loses
 * its version check and is made again.
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
   * when it changes; answers the credit it ends with.
   */
  public Optional<Credit> evaluate(String conversionId) {
    return settle(conversionId, conversion -> false);
  }

  /** Decides again and moves the version even if the credit stays (see the class comment). */
  public void reevaluate(String conversionId) {
    settle(conversionId, conversion -> true);
  }

  /** Re-evaluates the visitor's conversions made at or after {@code since}. */
  public void reevaluateVisitorFrom(String visitorId, Instant since) {
    conversions.ofVisitor(visitorId).stream()
        .filter(conversion -> !conversion.at().isBefore(since))
        .forEach(conversion -> reevaluate(conversion.id()));
  }

  /**
   * Re-evaluates the conversions of the same identity and kind made after this one: a goal it
   * holds is no longer theirs to hold. Called when it earned a credit; one that earns none takes
   * nothing from anyone.
   */
  public void reevaluateLaterOfItsIdentity(Conversion conversion) {
    conversions.ofVisitor(conversion.identity()).stream()
        .filter(later -> later.kind() == conversion.kind() && Conversion.BY_TIME.compare(later, conversion) > 0)
        .forEach(later -> reevaluate(later.id()));
  }

  private Optional<Credit> settle(String conversionId, Predicate<Conversion> forceWrite) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ConversionRecord record = conversions.find(conversionId)
          .orElseThrow(() -> new IllegalStateException("no stored conversion " + conversionId));
      record.pendingOperation().ifPresent(pending -> finish(conversionId, pending));
      if (settledForGood.test(record.conversion())) {
        return settledOrderOf(record.conversion(), Optional.ofNullable(record.credit()));
      }
      Optional<Credit> decided = decide(record.conversion());
      if (Objects.equals(decided.orElse(null), record.credit()) && !forceWrite.test(record.conversion())) {
        return settledOrderOf(record.conversion(), decided);
      }
      long next = record.version() + 1;
      Optional<Operation> move = CreditMove.between(record.conversion(), record.credit(), decided.orElse(null), next);
      if (conversions.changeCredit(conversionId, record.version(), decided.orElse(null), move.orElse(null))) {
        move.ifPresent(operation -> finish(conversionId, operation));
        return settledOrderOf(record.conversion(), decided);
      }
    }
    throw new IllegalStateException("the credit of " + conversionId + " kept changing under other workers");
  }

  /**
   * A sale's rebills and refunds follow its credit. Settled every time, also when the credit stood:
   * a redelivery after a crash between the credit's change and the order's settle must still carry
   * them along.
   */
  private Optional<Credit> settledOrderOf(Conversion conversion, Optional<Credit> credit) {
    if (orders != null && conversion.kind() == Conversion.Kind.SALE) {
      orders.settle(conversion.orderId());
    }
    return credit;
  }

  private void finish(String conversionId, Operation operation) {
    counters.apply(operation);
    conversions.clearPending(conversionId, operation.id());
  }

  /**
   * The model's pick among the counting candidates. A goal held per identity goes to the pick
   * only if no earlier conversion of the identity picks the same link (it holds that goal; the
   * conversion then gets nothing — no fall-through to another link, SPEC §3 Attribution). Those
   * conversions reach clicks through their identity alone, so they share these candidates.
   */
  private Optional<Credit> decide(Conversion conversion) {
    List<Candidate> candidates = candidatesOf(conversion);
    Map<String, Optional<Link>> linksBySlug = new HashMap<>();
    Optional<Candidate> pick = pick(conversion, candidates, linksBySlug);
    if (pick.isEmpty() || !conversion.kind().heldPerIdentity()) {
      return pick.map(Candidate::credit);
    }
    String slug = pick.get().click().slug();
    boolean heldByAnEarlierOne = conversions.ofVisitor(conversion.identity()).stream()
        .filter(earlier -> earlier.kind().heldPerIdentity() && Conversion.BY_TIME.compare(earlier, conversion) < 0)
        .anyMatch(earlier -> pick(earlier, candidates, linksBySlug)
            .filter(candidate -> candidate.click().slug().equals(slug)).isPresent());
    return heldByAnEarlierOne ? Optional.empty() : pick.map(Candidate::credit);
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
}
