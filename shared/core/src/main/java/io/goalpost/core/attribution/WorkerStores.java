package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickStore;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.click.UniqueClickers;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.identity.ClaimStore;
import io.goalpost.core.identity.VisitorTouches;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.lead.LineageErasure;
import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.product.ProductCatalog;
import io.goalpost.core.reconciliation.ProductSales;
import java.util.Objects;

/** Every port the worker writes or reads, so the DynamoDB and the in-memory worker are built alike. */
public record WorkerStores(LinkStore links, ClickStore clicks, LineageStore lineages,
    UniqueClickers uniqueClickers, ConversionStore conversions, CounterStore counters,
    ClaimStore claims, VisitorTouches touches, CheckoutVisitors checkoutVisitors, OrderStore orders,
    ProductCatalog catalog, LeadStore leads, LeadLineages leadLineages, LineageErasure lineageErasure,
    EmailHashes emailHashes, ProductSales productSales, PendingLeadTouches pendingTouches) {

  public WorkerStores {
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(clicks, "clicks");
    Objects.requireNonNull(lineages, "lineages");
    Objects.requireNonNull(uniqueClickers, "uniqueClickers");
    Objects.requireNonNull(conversions, "conversions");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(touches, "touches");
    Objects.requireNonNull(checkoutVisitors, "checkoutVisitors");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(leads, "leads");
    Objects.requireNonNull(leadLineages, "leadLineages");
    Objects.requireNonNull(lineageErasure, "lineageErasure");
    Objects.requireNonNull(emailHashes, "emailHashes");
    Objects.requireNonNull(productSales, "productSales");
    Objects.requireNonNull(pendingTouches, "pendingTouches");
  }

  /** The same stores with other counters (a test's failing table). */
  public WorkerStores withCounters(CounterStore other) {
    return new WorkerStores(links, clicks, lineages, uniqueClickers, conversions, other, claims, touches,
        checkoutVisitors, orders, catalog, leads, leadLineages, lineageErasure, emailHashes,
        productSales, pendingTouches);
  }
}
