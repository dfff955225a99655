package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.click.Click;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.InMemoryConversionStore;
import io.goalpost.testing.InMemoryWorkerStores;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evaluator's care for crashes and concurrent workers, which the scenarios cannot reach. */
class CreditEvaluatorTest {

  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");
  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Conversion SALE = new Conversion("sale#o1", Conversion.Kind.SALE,
      Instant.parse("2025-04-02T10:00:00Z"), null, "clickB00000000000", "o1", "prod", 4900, "USD", null, null);
  private static final Credit ON_A = new Credit("link-a", "clickA00000000000", CreditPath.CLICK_ID);
  private static final Credit ON_B = new Credit("link-b", "clickB00000000000", CreditPath.CLICK_ID);

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @BeforeEach
  void storeLinksAndTheNamedClick() {
    for (String slug : List.of("link-a", "link-b")) {
      stores.links().create(new Link(slug, slug, "https://example.com", "ads", null, Goal.purchase("prod"), 30,
          false, CLICKED.minusSeconds(3600), false));
    }
    stores.clicks().putIfAbsent(new Click("clickB00000000000", "link-b", CLICKED, null));
    stores.conversions().putIfAbsent(SALE);
  }

  private CreditEvaluator evaluator(ConversionStore conversions) {
    ClickOwners owners = new ClickOwners(stores.clicks(), stores.claims());
    return new CreditEvaluator(conversions, List.of(new ClickIdCandidates(stores.clicks(), owners, conversions)),
        stores.links(), AttributionModel.LAST_TOUCH, stores.counters());
  }

  /** The link's counts on the sale's day, without fields that sum to zero. */
  private Map<String, Long> goalsOf(String slug) {
    Map<String, Long> counts = new HashMap<>(
        stores.counters().read(Counter.Subject.LINK, slug, SALE_DAY, SALE_DAY).getOrDefault(SALE_DAY, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }

  @Test
  void finishesTheCounterOperationOfACreditChangeThatACrashLeftPending() {
    Operation leftPending = CreditMove.between(SALE, null, ON_B, 1).orElseThrow();
    stores.conversions().changeCredit(SALE.id(), 0, ON_B, leftPending);

    evaluator(stores.conversions()).evaluate(SALE.id());

    assertThat(goalsOf("link-b")).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(stores.conversions().find(SALE.id()).orElseThrow())
        .isEqualTo(new ConversionRecord(SALE, ON_B, 1, null));
  }

  @Test
  void finishesAPendingMoveBeforeMovingTheCreditAgainSoEveryMoveCountsOnce() {
    // A worker credited link-a (the click on link-b was not stored yet) and died before counting it.
    stores.conversions().changeCredit(SALE.id(), 0, ON_A, CreditMove.between(SALE, null, ON_A, 1).orElseThrow());

    evaluator(stores.conversions()).evaluate(SALE.id());

    assertThat(goalsOf("link-a")).isEmpty();
    assertThat(goalsOf("link-b")).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(stores.conversions().find(SALE.id()).orElseThrow())
        .isEqualTo(new ConversionRecord(SALE, ON_B, 2, null));
  }

  @Test
  void decidesAgainFromWhatIsStoredWhenAnotherWorkerChangedTheCreditFirst() {
    AtomicInteger refusals = new AtomicInteger();
    ConversionStore racing = new RacingConversionStore(stores.conversions(), () -> {
      // Another worker credits link-a in between this worker's read and its write.
      if (refusals.getAndIncrement() == 0) {
        Operation move = CreditMove.between(SALE, null, ON_A, 1).orElseThrow();
        stores.conversions().changeCredit(SALE.id(), 0, ON_A, move);
        stores.counters().apply(move);
        stores.conversions().clearPending(SALE.id(), move.id());
      }
    });

    evaluator(racing).evaluate(SALE.id());

    assertThat(stores.conversions().find(SALE.id()).orElseThrow().credit()).isEqualTo(ON_B);
    assertThat(goalsOf("link-a")).isEmpty();
    assertThat(goalsOf("link-b")).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
  }

  @Test
  void givesUpWhenTheCreditKeepsChangingSoTheMessageIsRetried() {
    ConversionStore alwaysLosing = new RacingConversionStore(stores.conversions(), () -> { }) {
      @Override
      public boolean changeCredit(String id, long expectedVersion, Credit credit, Operation pending) {
        return false;
      }
    };

    assertThatThrownBy(() -> evaluator(alwaysLosing).evaluate(SALE.id()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("sale#o1");
  }

  @Test
  void leavesACreditThatStillStandsUnwrittenWhenEvaluatingAgain() {
    evaluator(stores.conversions()).evaluate(SALE.id());

    assertThat(evaluator(stores.conversions()).evaluate(SALE.id())).contains(ON_B);

    assertThat(stores.conversions().find(SALE.id()).orElseThrow()).isEqualTo(new ConversionRecord(SALE, ON_B, 1, null));
  }

  @Test
  void movesTheVersionOnAReevaluationEvenWhenTheCreditStaysSoADecisionFromOlderReadsLoses() {
    evaluator(stores.conversions()).evaluate(SALE.id());

    evaluator(stores.conversions()).reevaluate(SALE.id());

    assertThat(stores.conversions().find(SALE.id()).orElseThrow()).isEqualTo(new ConversionRecord(SALE, ON_B, 2, null));
    // A worker that read version 1 before a claim took its click away cannot write what it decided then.
    assertThat(stores.conversions().changeCredit(SALE.id(), 1, ON_A, null)).isFalse();
    assertThat(goalsOf("link-b")).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
  }

  /** Runs {@code beforeWrite} just before each credit change reaches the real store. */
  private static class RacingConversionStore implements ConversionStore {
    private final InMemoryConversionStore store;
    private final Runnable beforeWrite;

    RacingConversionStore(InMemoryConversionStore store, Runnable beforeWrite) {
      this.store = store;
      this.beforeWrite = beforeWrite;
    }

    @Override
    public boolean changeCredit(String id, long expectedVersion, Credit credit, Operation pending) {
      beforeWrite.run();
      return store.changeCredit(id, expectedVersion, credit, pending);
    }

    @Override
    public ConversionRecord putIfAbsent(Conversion conversion) {
      return store.putIfAbsent(conversion);
    }

    @Override
    public Optional<ConversionRecord> find(String conversionId) {
      return store.find(conversionId);
    }

    @Override
    public void clearPending(String conversionId, String operationId) {
      store.clearPending(conversionId, operationId);
    }

    @Override
    public void referFromClick(String clickId, String conversionId) {
      store.referFromClick(clickId, conversionId);
    }

    @Override
    public List<String> namingClick(String clickId) {
      return store.namingClick(clickId);
    }

    @Override
    public void referFromVisitor(Conversion conversion) {
      store.referFromVisitor(conversion);
    }

    @Override
    public List<Conversion> ofVisitor(String visitorId) {
      return store.ofVisitor(visitorId);
    }
  }
}
