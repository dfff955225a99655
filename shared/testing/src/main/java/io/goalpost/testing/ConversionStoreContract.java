package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every ConversionStore must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class ConversionStoreContract {

  private final String suffix = TestIds.suffix();

  protected abstract ConversionStore store();

  private Conversion sale(String orderId, String at, long amount) {
    return new Conversion(Conversion.saleId(orderId + suffix), Conversion.Kind.SALE, Instant.parse(at),
        "vid" + suffix, "clk" + suffix, orderId + suffix, "prod_spring", amount, "USD", null, null);
  }

  private Conversion sale() {
    return sale("ord", "2025-04-02T10:00:00Z", 4900);
  }

  private static Operation move(String id) {
    LocalDate day = LocalDate.parse("2025-04-02");
    return new Operation(id, List.of(
        new Delta(Counter.link("old-link", day), Map.of("goals", -1L, "revenue.USD", -4900L)),
        new Delta(Counter.link("new-link", day), Map.of("goals", 1L, "revenue.USD", 4900L))));
  }

  @Test
  void storesANewConversionUncreditedAtVersionZero() {
    Conversion sale = sale();

    assertThat(store().putIfAbsent(sale)).isEqualTo(ConversionRecord.fresh(sale));

    assertThat(store().find(sale.id())).contains(ConversionRecord.fresh(sale));
  }

  @Test
  void answersTheStoredConversionWhenTheSameIdIsStoredAgain() {
    Conversion first = sale();
    Conversion sameOrderOtherFacts = new Conversion(first.id(), Conversion.Kind.SALE,
        Instant.parse("2025-05-01T00:00:00Z"), null, null, first.orderId(), "prod_other", 1, "EUR", null, null);
    store().putIfAbsent(first);

    assertThat(store().putIfAbsent(sameOrderOtherFacts).conversion()).isEqualTo(first);
    assertThat(store().find(first.id()).orElseThrow().conversion()).isEqualTo(first);
  }

  @Test
  void keepsASaleWithoutIdsAndOfNothingToTheNanosecond() {
    Conversion free = new Conversion(Conversion.saleId("free" + suffix), Conversion.Kind.SALE,
        Instant.parse("2025-04-02T10:00:00.000000001Z"), null, null, "free" + suffix, "prod_trial", 0, "EUR",
        null, null);
    store().putIfAbsent(free);

    assertThat(store().find(free.id())).contains(ConversionRecord.fresh(free));
  }

  @Test
  void findsNothingForAnUnknownConversion() {
    assertThat(store().find("sale#unknown" + suffix)).isEmpty();
  }

  @Test
  void changesTheCreditAndKeepsThePendingOperationWhenTheVersionIsTheExpectedOne() {
    Conversion sale = sale();
    store().putIfAbsent(sale);
    Credit credit = new Credit("new-link", "clk" + suffix, CreditPath.CLICK_ID);

    assertThat(store().changeCredit(sale.id(), 0, credit, move("credit#x#v1"))).isTrue();

    assertThat(store().find(sale.id())).contains(new ConversionRecord(sale, credit, 1, move("credit#x#v1")));
  }

  @Test
  void refusesACreditChangeAgainstAStaleVersionAndKeepsWhatIsStored() {
    Conversion sale = sale();
    store().putIfAbsent(sale);
    Credit first = new Credit("first-link", "clk1" + suffix, CreditPath.CLICK_ID);
    store().changeCredit(sale.id(), 0, first, null);

    assertThat(store().changeCredit(sale.id(), 0, new Credit("late", "clk2" + suffix, CreditPath.COOKIE),
        move("credit#x#v1"))).isFalse();

    assertThat(store().find(sale.id())).contains(new ConversionRecord(sale, first, 1, null));
  }

  @Test
  void removesTheCreditWhenChangedToNone() {
    Conversion sale = sale();
    store().putIfAbsent(sale);
    store().changeCredit(sale.id(), 0, new Credit("a-link", "clk" + suffix, CreditPath.LEAD), null);

    assertThat(store().changeCredit(sale.id(), 1, null, move("credit#x#v2"))).isTrue();

    assertThat(store().find(sale.id())).contains(new ConversionRecord(sale, null, 2, move("credit#x#v2")));
  }

  @Test
  void refusesACreditChangeOfAnUnknownConversionAndCreatesNothing() {
    String unknown = "sale#nothing" + suffix;

    assertThat(store().changeCredit(unknown, 0, new Credit("a", "b", CreditPath.CLICK_ID), null)).isFalse();

    assertThat(store().find(unknown)).isEmpty();
  }

  @Test
  void clearsThePendingOperationItNamesAndKeepsTheCreditAndVersion() {
    Conversion sale = sale();
    store().putIfAbsent(sale);
    Credit credit = new Credit("new-link", "clk" + suffix, CreditPath.CLICK_ID);
    store().changeCredit(sale.id(), 0, credit, move("credit#x#v1"));

    store().clearPending(sale.id(), "credit#x#v1");

    assertThat(store().find(sale.id())).contains(new ConversionRecord(sale, credit, 1, null));
  }

  @Test
  void keepsAPendingOperationWhenAskedToClearAnotherOne() {
    Conversion sale = sale();
    store().putIfAbsent(sale);
    store().changeCredit(sale.id(), 0, null, move("credit#x#v1"));

    store().clearPending(sale.id(), "credit#x#v0");

    assertThat(store().find(sale.id()).orElseThrow().pending()).isEqualTo(move("credit#x#v1"));
  }

  @Test
  void clearsNothingOfAnUnknownConversionAndCreatesNothing() {
    String unknown = "sale#nothing" + suffix;

    store().clearPending(unknown, "credit#x#v1");

    assertThat(store().find(unknown)).isEmpty();
  }

  @Test
  void listsTheConversionsNamingAClickOnceEachInIdOrder() {
    String click = "clk" + suffix;
    store().referFromClick(click, "sale#b" + suffix);
    store().referFromClick(click, "sale#a" + suffix);
    store().referFromClick(click, "sale#b" + suffix);
    store().referFromClick("other" + suffix, "sale#c" + suffix);

    assertThat(store().namingClick(click)).containsExactly("sale#a" + suffix, "sale#b" + suffix);
    assertThat(store().namingClick("nobody" + suffix)).isEmpty();
  }

  @Test
  void keepsAnOptInAndAPageViewWithTheirFacts() {
    Conversion optIn = new Conversion(Conversion.pageId(Conversion.Kind.OPT_IN, "p:o" + suffix), Conversion.Kind.OPT_IN,
        Instant.parse("2025-04-02T10:00:00Z"), "vid" + suffix, null, null, null, 0, null, null, "newsletter");
    Conversion view = new Conversion(Conversion.pageId(Conversion.Kind.PAGE_VIEW, "p:v" + suffix),
        Conversion.Kind.PAGE_VIEW, Instant.parse("2025-04-02T10:00:00Z"), "vid" + suffix, null, null, null, 0, null,
        "https://shop.example.com/thanks?utm_source=fb", null);
    store().putIfAbsent(optIn);
    store().putIfAbsent(view);

    assertThat(store().find(optIn.id())).contains(ConversionRecord.fresh(optIn));
    assertThat(store().find(view.id())).contains(ConversionRecord.fresh(view));
  }

  @Test
  void listsAVisitorsConversionsWithTheirFactsEarliestFirstOnceEach() {
    String visitor = "vid" + suffix;
    Conversion late = sale("late", "2025-04-03T00:00:00Z", 100);
    Conversion early = sale("early", "2025-04-01T00:00:00Z", 200);
    Conversion optIn = new Conversion(Conversion.pageId(Conversion.Kind.OPT_IN, "p:o" + suffix), Conversion.Kind.OPT_IN,
        Instant.parse("2025-04-01T00:00:00Z"), visitor, null, null, null, 0, null, null, null);
    Conversion other = new Conversion(Conversion.pageId(Conversion.Kind.PAGE_VIEW, "p:x" + suffix),
        Conversion.Kind.PAGE_VIEW, Instant.parse("2025-04-02T00:00:00Z"), "other" + suffix, null, null, null, 0, null,
        "https://shop.example.com/", null);
    store().referFromVisitor(late);
    store().referFromVisitor(early);
    store().referFromVisitor(optIn);
    store().referFromVisitor(early);
    store().referFromVisitor(other);

    // Same instant: by id, and "opt_in#…" sorts before "sale#…".
    assertThat(store().ofVisitor(visitor)).containsExactly(optIn, early, late);
    assertThat(store().ofVisitor("nobody" + suffix)).isEmpty();
  }

  @Test
  void findsAListsStoredConversionsWithTheirCreditsAndLeavesOutTheUnknownOnes() {
    Conversion credited = sale("credited", "2025-04-02T10:00:00Z", 4900);
    Conversion plain = sale("plain", "2025-04-02T11:00:00Z", 100);
    store().putIfAbsent(credited);
    store().putIfAbsent(plain);
    Credit credit = new Credit("a-link", "clk" + suffix, CreditPath.COOKIE);
    store().changeCredit(credited.id(), 0, credit, move("credit#x#v1"));
    String unknown = "sale#unknown" + suffix;

    Map<String, ConversionRecord> found = store().findAll(List.of(plain.id(), unknown, credited.id(), plain.id()));

    assertThat(found).containsOnly(
        Map.entry(plain.id(), ConversionRecord.fresh(plain)),
        Map.entry(credited.id(), new ConversionRecord(credited, credit, 1, move("credit#x#v1"))));
    assertThat(store().findAll(List.of())).isEmpty();
  }

  @Test
  void findsEveryOneOfMoreConversionsThanOneReadTakes() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Conversion sale = sale("many" + i, "2025-04-02T10:00:00Z", i);
      store().putIfAbsent(sale);
      ids.add(sale.id());
    }

    Map<String, ConversionRecord> found = store().findAll(ids);

    assertThat(found).hasSize(250);
    ids.forEach(id -> assertThat(found.get(id)).isEqualTo(store().find(id).orElseThrow()));
  }
}
