package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickAttribution;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a conversion's credit from what is stored, and moves it when the decision changes
 * (docs/decisions/001-data-model.md, "Credits and order independence").
 *
 * <p>The credit is a function of the stored conversion and its stored candidates, which only
 * grow; each event is written before its counterparts are read, and the conversion is read
 * before its candidates. So whichever of two events is written second sees the first, a stale
 * decision loses the version check, and every order of the same events ends with the same credit.
 * A change is one conditional write of the conversion (new credit, version + 1, and the counter
 * operation as {@code pending}), then the operation, then clearing it; a crash in between leaves
 * the operation pending for the next reader to finish before it decides anything.
 */
public final class CreditEvaluator implements ClickAttribution {

  /** Each lost version check means another worker made progress; this many in a row is a bug. */
  static final int MAX_ATTEMPTS = 25;

  private final ConversionStore conversions;
  private final List<CandidateSource> sources;
  private final LinkStore links;
  private final AttributionModel model;
  private final CounterStore counters;

  /** @param sources in path precedence: a click reached by several sources keeps the first path */
  public CreditEvaluator(ConversionStore conversions, List<CandidateSource> sources, LinkStore links,
      AttributionModel model, CounterStore counters) {
    this.conversions = Objects.requireNonNull(conversions);
    this.sources = List.copyOf(sources);
    this.links = Objects.requireNonNull(links);
    this.model = Objects.requireNonNull(model);
    this.counters = Objects.requireNonNull(counters);
  }

  /** Re-evaluates every conversion the click may be a candidate of. */
  @Override
  public void reconsider(Click click) {
    Set<String> reached = new LinkedHashSet<>();
    sources.forEach(source -> reached.addAll(source.conversionsReachedBy(click)));
    reached.forEach(this::evaluate);
  }

  /** Brings the stored credit of a stored conversion in line with its candidates. */
  public void evaluate(String conversionId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ConversionRecord record = conversions.find(conversionId)
          .orElseThrow(() -> new IllegalStateException("no stored conversion " + conversionId));
      record.pendingOperation().ifPresent(pending -> finish(conversionId, pending));
      Credit decided = decide(record.conversion()).orElse(null);
      if (Objects.equals(decided, record.credit())) {
        return;
      }
      long next = record.version() + 1;
      Optional<Operation> move = CreditMove.between(record.conversion(), record.credit(), decided, next);
      if (conversions.changeCredit(conversionId, record.version(), decided, move.orElse(null))) {
        move.ifPresent(operation -> finish(conversionId, operation));
        return;
      }
    }
    throw new IllegalStateException("the credit of " + conversionId + " kept changing under other workers");
  }

  private void finish(String conversionId, Operation operation) {
    counters.apply(operation);
    conversions.clearPending(conversionId, operation.id());
  }

  private Optional<Credit> decide(Conversion conversion) {
    Map<String, Candidate> byClick = new LinkedHashMap<>();
    for (CandidateSource source : sources) {
      source.candidatesOf(conversion).forEach(c -> byClick.putIfAbsent(c.click().clickId(), c));
    }
    Map<String, Optional<Link>> linksBySlug = new HashMap<>();
    List<Candidate> counting = new ArrayList<>();
    for (Candidate candidate : byClick.values()) {
      Optional<Link> link = linksBySlug.computeIfAbsent(candidate.click().slug(), links::find);
      if (link.isPresent() && CreditRules.counts(link.get(), candidate.click(), conversion)) {
        counting.add(candidate);
      }
    }
    return model.pick(counting).map(Candidate::credit);
  }
}
