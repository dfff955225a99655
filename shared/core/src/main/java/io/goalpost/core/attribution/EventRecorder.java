package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickRecorder;
import io.goalpost.core.click.Clickers;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.id.SecureRandomIds;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadClicks;
import io.goalpost.core.lead.SaleLeads;
import java.util.List;
import java.util.function.Predicate;
import java.util.Objects;

/** The worker's one entry point: each event from the queue to the recorder of its kind. */
public final class EventRecorder {

  /** What became of an event. Anything but RECORDED is logged by the caller, never dropped silently. */
  public enum Outcome {
    RECORDED
  }

  private final ClickRecorder clicks;
  private final SaleRecorder sales;
  private final PageRecorder pages;
  private final PaymentRecorder payments;
  private final LeadRecorder leads;

  public EventRecorder(ClickRecorder clicks, SaleRecorder sales, PageRecorder pages, PaymentRecorder payments,
      LeadRecorder leads) {
    this.clicks = Objects.requireNonNull(clicks);
    this.sales = Objects.requireNonNull(sales);
    this.pages = Objects.requireNonNull(pages);
    this.payments = Objects.requireNonNull(payments);
    this.leads = Objects.requireNonNull(leads);
  }

  /**
   * The worker over its stores. Candidate sources, in path precedence: the click id, then the
   * visitor's lineage, then the lead's (docs/decisions/007).
   */
  public static EventRecorder over(WorkerStores stores, AttributionModel model) {
    ClickOwners owners = new ClickOwners(stores.clicks(), stores.claims());
    OrderSettler orders = new OrderSettler(stores.orders(), stores.conversions(), stores.links(), stores.counters());
    LeadCandidates leadCandidates = new LeadCandidates(stores.leads(), stores.leadLineages(), stores.clicks(),
        stores.lineages(), owners, stores.conversions());
    CreditEvaluator credits = new CreditEvaluator(stores.conversions(),
        List.of(new ClickIdCandidates(stores.clicks(), owners, stores.conversions()),
            new LineageCandidates(stores.lineages(), owners, stores.conversions()), leadCandidates),
        stores.links(), model, stores.counters(), orders, erasedIdentity(stores));
    ClickRecorder clicks = new ClickRecorder(stores.clicks(), stores.lineages(), stores.uniqueClickers(),
        Clickers.asSent(), stores.counters(), credits, new LeadClicks(stores.leads(), stores.leadLineages()));
    PageRecorder pages = new PageRecorder(stores.touches(), owners, stores.conversions(), stores.checkoutVisitors(),
        stores.counters(), credits, PageLeads.over(stores.leads(), stores.leadLineages(), stores.clicks()));
    SaleLeads saleLeads = new SaleLeads(stores.leads(), stores.emailHashes(), new SecureRandomIds()::clickId);
    SaleRecorder sales = new SaleRecorder(stores.catalog(), stores.conversions(), stores.counters(), credits,
        saleLeads::leadOf, stores.leadLineages(), stores.productSales(), leadCandidates);
    LeadRecorder leads = new LeadRecorder(stores.leads(), stores.leadLineages(), stores.lineageErasure(),
        stores.conversions(), leadCandidates, credits);
    return new EventRecorder(clicks, sales, pages, new PaymentRecorder(stores.catalog(), stores.orders(), orders),
        leads);
  }

  /** A conversion of an erased lead or of one of its visitor ids keeps the credit it has. */
  private static Predicate<Conversion> erasedIdentity(WorkerStores stores) {
    return conversion -> (conversion.visitorId() != null && stores.leadLineages().isErased(conversion.visitorId()))
        || (conversion.leadId() != null
            && stores.leads().find(conversion.leadId()).filter(Lead::erased).isPresent());
  }

  public Outcome record(TrackingEvent event) {
    if (event instanceof ClickEvent click) {
      clicks.record(click);
      return Outcome.RECORDED;
    }
    if (event instanceof OrderEvent order) {
      if (order.kind() == OrderEvent.Kind.SALE) {
        sales.record(order);
      } else {
        payments.record(order);
      }
      return Outcome.RECORDED;
    }
    if (event instanceof PageEvent page) {
      pages.record(page);
      return Outcome.RECORDED;
    }
    if (event instanceof LeadEvent lead) {
      leads.record(lead);
      return Outcome.RECORDED;
    }
    throw new IllegalArgumentException("no recorder for events of type " + event.type());
  }
}
