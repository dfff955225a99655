package io.goalpost.testing;

import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.lead.EmailHashes;

/** The worker's stores, all in memory, with the fakes at hand for a test to seed and inspect. */
public record InMemoryWorkerStores(InMemoryLinkStore links, InMemoryClickStore clicks,
    InMemoryLineageStore lineages, InMemoryUniqueClickers uniqueClickers,
    InMemoryConversionStore conversions, InMemoryCounterStore counters, InMemoryClaimStore claims,
    InMemoryVisitorTouches touches, InMemoryCheckoutVisitors checkoutVisitors, InMemoryOrderStore orders,
    InMemoryProductCatalog catalog, InMemoryLeadStore leads, InMemoryLeadLineages leadLineages,
    InMemoryProductSales productSales, InMemoryPendingLeadTouches pendingTouches) {

  /** The EmailHashKey of in-memory workers; tests hash emails with it to look for them. */
  public static final String EMAIL_HASH_KEY = "test-EmailHashKey-not-secret-0123456789";

  public static InMemoryWorkerStores create() {
    return new InMemoryWorkerStores(new InMemoryLinkStore(), new InMemoryClickStore(),
        new InMemoryLineageStore(), new InMemoryUniqueClickers(), new InMemoryConversionStore(),
        new InMemoryCounterStore(), new InMemoryClaimStore(), new InMemoryVisitorTouches(),
        new InMemoryCheckoutVisitors(), new InMemoryOrderStore(), new InMemoryProductCatalog(),
        new InMemoryLeadStore(), new InMemoryLeadLineages(), new InMemoryProductSales(),
        new InMemoryPendingLeadTouches());
  }

  public WorkerStores stores() {
    return new WorkerStores(links, clicks, lineages, uniqueClickers, conversions, counters, claims, touches,
        checkoutVisitors, orders, catalog, leads, leadLineages,
        new InMemoryLineageErasure(lineages, touches, claims, conversions), new EmailHashes(EMAIL_HASH_KEY), productSales,
        pendingTouches);
  }
}
