package io.goalpost.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.WorkerScenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a generated mix of links, clicks and sales — any identity, any order — every sale is in the
 * report once, credited or with one reason, and the counts agree with the counters the worker
 * keeps: the product's sales, and each link's goals.
 */
class ReconciliationCountsTest extends WorkerScenario {

  private static final LocalDate FIRST = LocalDate.parse("2025-03-01");
  private static final LocalDate LAST = LocalDate.parse("2025-04-30");
  private static final Clock TODAY = Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), ZoneOffset.UTC);

  private final InMemoryWorkerStores memory = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return memory.stores();
  }

  /** Visitor and click ids are 16–32 letters and digits: short names get a prefix. */
  @Override
  protected String id(String name) {
    return "ident" + super.id(name);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theCountsOfAGeneratedMixAddUpToTheSalesAndMatchTheCounters(long seed) {
    Random random = new Random(seed);
    List<String> slugs = List.of(link("month", Goal.purchase(product()), 30), link("week", Goal.purchase(product()), 7),
        link("any", Goal.purchase(null), 14), link("news", Goal.optIn(null), 30),
        link("other", Goal.purchase("another-product"), 30));
    List<TrackingEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String visitor = "v" + random.nextInt(12);
      events.add(click(slugs.get(random.nextInt(slugs.size())), "c" + i, at(random),
          random.nextInt(4) == 0 ? null : visitor));
    }
    for (int i = 0; i < 30; i++) {
      String visitor = random.nextBoolean() ? "v" + random.nextInt(12) : null;
      String click = random.nextInt(3) == 0 ? "c" + random.nextInt(40) : null;
      String email = random.nextInt(3) == 0 ? "p" + random.nextInt(5) + suffix + "@example.com" : null;
      String eventId = "orders:s" + i + suffix;
      events.add(new OrderEvent(OrderEvent.Kind.SALE, eventId, at(random), "o" + i + suffix, null,
          product(), 100 + random.nextInt(5000), "USD", email == null ? null : sealed(email, eventId),
          visitor == null ? null : id(visitor),
          click == null ? null : id(click)));
    }
    Collections.shuffle(events, random);
    deliver(events.toArray(TrackingEvent[]::new));

    ReconciliationReport report =
        ((ReconciliationResult.Found) Reconciliation.over(stores(), TODAY).of(product(), "2025-03-01", "2025-04-30"))
            .report();

    assertThat(report.sales()).isEqualTo(30).isEqualTo(report.conversions().size())
        .isEqualTo(total(Counter.Subject.PRODUCT, product(), "sales"));
    long unattributed = report.unattributed().values().stream().mapToLong(Long::longValue).sum();
    assertThat(report.attributedSales() + unattributed).isEqualTo(report.sales());
    assertThat(report.byLink().stream().mapToLong(ReconciliationReport.LinkSales::sales).sum())
        .isEqualTo(report.attributedSales());
    assertThat(report.conversions()).allSatisfy(sale -> assertThat(sale.attributed()).isNotEqualTo(sale.reason() != null));
    for (ReconciliationReport.LinkSales link : report.byLink()) {
      assertThat(link.sales()).as(link.slug()).isEqualTo(total(Counter.Subject.LINK, link.slug(), "goals"));
      assertThat(link.revenue()).as(link.slug()).isEqualTo(Map.of("USD", total(Counter.Subject.LINK, link.slug(),
          "revenue.USD")));
    }
  }

  private static Instant at(Random random) {
    return FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
  }

  private long total(Counter.Subject subject, String id, String field) {
    return stores().counters().read(subject, id, FIRST, LAST).values().stream()
        .mapToLong(fields -> fields.getOrDefault(field, 0L)).sum();
  }
}
