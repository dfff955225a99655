package io.goalpost.testing;

import io.goalpost.core.attribution.WorkerStores;

/** The worker's stores, all in memory, with the fakes at hand for a test to seed and inspect. */
public record InMemoryWorkerStores(InMemoryLinkStore links, InMemoryClickStore clicks,
    InMemoryLineageStore lineages, InMemoryUniqueClickers uniqueClickers,
    InMemoryConversionStore conversions, InMemoryCounterStore counters, InMemoryClaimStore claims,
    InMemoryVisitorTouches touches, InMemoryCheckoutVisitors checkoutVisitors, InMemoryOrderStore orders,
    InMemoryProductCatalog catalog) {

  public static InMemoryWorkerStores create() {
    return new InMemoryWorkerStores(new InMemoryLinkStore(), new InMemoryClickStore(),
        new InMemoryLineageStore(), new InMemoryUniqueClickers(), new InMemoryConversionStore(),
        new InMemoryCounterStore(), new InMemoryClaimStore(), new InMemoryVisitorTouches(),
        new InMemoryCheckoutVisitors(), new InMemoryOrderStore(), new InMemoryProductCatalog());
  }

  public WorkerStores stores() {
    return new WorkerStores(links, clicks, lineages, uniqueClickers, conversions, counters, claims, touches,
        checkoutVisitors, orders, catalog);
  }
}
