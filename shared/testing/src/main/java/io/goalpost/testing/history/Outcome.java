package io.goalpost.testing.history;

import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.product.ProductStats;
import io.goalpost.core.product.ProductStatsResult;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.reconciliation.ReconciliationReport;
import io.goalpost.core.reconciliation.ReconciliationResult;
import io.goalpost.core.reconciliation.SaleAnswer;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.ChannelStats;
import io.goalpost.core.stats.ChannelStatsResult;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.core.stats.LinkStats;
import io.goalpost.core.stats.LinkStatsResult;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryProductCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run of a history left, as lines in the history's names: each conversion's credit (link,
 * click, path) and amounts, each product's reconciliation (every sale's link and path, or its one
 * reason), and the stats the API shows, read through the core stats services —
 * each link's and product's totals over the history's days and their daily series, and the
 * channels over all the days and over each day. Two runs agree when their lines do; the lines
 * that differ are the report.
 */
public record Outcome(List<String> lines) {

  /** Conversions left with a credit move not yet applied: never expected once a run is through. */
  public record Unfinished(List<String> conversions) {}

  public Outcome {
    lines = List.copyOf(lines);
  }

  public static Outcome of(History history, Namespace ns, WorkerStores stores) {
    Clock clock = Clock.fixed(HistoryEvent.DAY_ZERO, ZoneOffset.UTC);
    Links links = new Links(stores.links(), new FixedIds(), clock);
    String from = history.firstDay().toString();
    String to = history.lastDay().toString();
    List<String> lines = new ArrayList<>();
    lines.addAll(credits(history, ns, stores));
    lines.addAll(leadLines(history, ns, stores));
    LinkStatistics linkStatistics = new LinkStatistics(links, stores.counters(), clock);
    for (HistoryLink link : history.links()) {
      lines.addAll(linkLines(link.name(), linkStatistics.forLink(ns.external(link.name()), from, to)));
    }
    ProductStatistics productStatistics = new ProductStatistics(new InMemoryProductCatalog(), stores.counters(), clock);
    for (String product : List.of("p0", "p1", "p2")) {
      lines.addAll(productLines(product, productStatistics.forProduct(ns.external(product), from, to)));
    }
    Reconciliation reconciliation = Reconciliation.over(stores, clock);
    for (String product : List.of("p0", "p1", "p2")) {
      lines.addAll(reconciliationLines(product, reconciliation.of(ns.external(product), from, to), ns));
    }
    ChannelStatistics channels = new ChannelStatistics(links, stores.counters(), clock);
    lines.addAll(channelLines(from + ".." + to, channels.compare(from, to), ns));
    for (LocalDate day = history.firstDay(); !day.isAfter(history.lastDay()); day = day.plusDays(1)) {
      lines.addAll(channelLines(day.toString(), channels.compare(day.toString(), day.toString()), ns));
    }
    return new Outcome(lines);
  }

  /** The conversions whose last credit move is still pending. */
  public static Unfinished unfinished(History history, Namespace ns, WorkerStores stores) {
    List<String> pending = new ArrayList<>();
    for (HistoryEvent event : history.events()) {
      event.conversionIdIn(ns)
          .flatMap(id -> stores.conversions().find(id))
          .filter(record -> record.pending() != null)
          .ifPresent(record -> pending.add(event + ": " + record.pending().id()));
    }
    return new Unfinished(pending);
  }

  /** Lines of this outcome missing from the other, then the other's missing from this. */
  public List<String> differencesFrom(Outcome other) {
    Set<String> mine = new LinkedHashSet<>(lines);
    Set<String> theirs = new LinkedHashSet<>(other.lines);
    List<String> differences = new ArrayList<>();
    mine.stream().filter(line -> !theirs.contains(line)).forEach(line -> differences.add("- " + line));
    theirs.stream().filter(line -> !mine.contains(line)).forEach(line -> differences.add("+ " + line));
    return differences;
  }

  private static List<String> credits(History history, Namespace ns, WorkerStores stores) {
    List<String> lines = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (HistoryEvent event : history.events()) {
      Optional<String> id = event.conversionIdIn(ns);
      if (id.isEmpty() || !seen.add(id.get())) {
        continue;
      }
      lines.add("credit " + conversionName(event) + ": " + stores.conversions().find(id.get())
          .map(record -> creditOf(record, ns))
          .orElse("no conversion stored"));
    }
    return lines;
  }

  /**
   * What the worker joined to each lead the api made (verified joins and its lineage's clicks) and
   * where the lead's email was seen without consent (diagnostic joins).
   */
  private static List<String> leadLines(History history, Namespace ns, WorkerStores stores) {
    Set<String> names = new java.util.TreeSet<>();
    history.events().stream()
        .filter(event -> event instanceof HistoryLead)
        .forEach(event -> names.add(((HistoryLead) event).lead()));
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      String leadId = ns.minted(name);
      String hash = stores.emailHashes().of(HistoryLead.email(ns, name));
      lines.add("lead " + name + ": joins " + stores.leads().joinsOf(leadId).stream()
          .map(join -> ns.nameOf(join.visitorId())).toList()
          + ", clicks " + stores.leadLineages().clicksOf(leadId).stream().map(ns::nameOf).toList()
          + ", seen without consent on " + stores.leads().mayNotJoin(hash).stream().map(ns::nameOf).toList());
    }
    return lines;
  }

  private static String conversionName(HistoryEvent event) {
    if (event instanceof HistoryPayment payment) {
      return "sale " + payment.order();
    }
    if (event instanceof HistoryLead lead) {
      return "api opt_in " + lead.name();
    }
    HistoryPage page = (HistoryPage) event;
    return page.kind().wireName() + " " + page.name();
  }

  private static String creditOf(ConversionRecord record, Namespace ns) {
    Credit credit = record.credit();
    String amounts = record.conversion().currency() == null
        ? ""
        : " amount " + record.conversion().amount() + " " + record.conversion().currency();
    // A lead the worker made from a payment's email has a random id: named only as "a new lead".
    String leadId = record.conversion().leadId();
    String lead = leadId == null ? "" : leadId.equals(ns.nameOf(leadId)) ? " of a new lead" : " of " + ns.nameOf(leadId);
    if (credit == null) {
      return "none" + amounts + lead;
    }
    return ns.nameOf(credit.slug()) + " by " + ns.nameOf(credit.clickId()) + " via " + credit.path() + amounts + lead;
  }

  private static List<String> linkLines(String name, LinkStatsResult result) {
    if (!(result instanceof LinkStatsResult.Found found)) {
      return List.of("link " + name + ": " + result);
    }
    LinkStats stats = found.stats();
    List<String> lines = new ArrayList<>();
    lines.add("link " + name + " all days: clicks " + stats.clicks() + ", unique " + stats.uniqueClicks()
        + ", bots " + stats.botClicks() + ", goals " + stats.goals() + ", revenue " + stats.revenue()
        + ", refunded " + stats.refunded() + ", rate " + stats.conversionRate());
    stats.daily().forEach(day -> lines.add("link " + name + " " + day.date() + ": clicks " + day.clicks()
        + ", unique " + day.uniqueClicks() + ", goals " + day.goals() + ", revenue " + day.revenue()));
    return lines;
  }

  private static List<String> productLines(String name, ProductStatsResult result) {
    if (!(result instanceof ProductStatsResult.Found found)) {
      return List.of("product " + name + ": " + result);
    }
    ProductStats stats = found.stats();
    List<String> lines = new ArrayList<>();
    lines.add("product " + name + " all days: checkout views " + stats.checkoutViews() + ", visitors "
        + stats.checkoutVisitors() + ", sales " + stats.sales() + ", rebills " + stats.rebills() + ", refunds "
        + stats.refunds() + ", revenue " + stats.revenue() + ", refunded " + stats.refunded());
    stats.daily().forEach(day -> lines.add("product " + name + " " + day.date() + ": checkout views "
        + day.checkoutViews() + ", visitors " + day.checkoutVisitors() + ", sales " + day.sales() + ", rebills "
        + day.rebills() + ", refunds " + day.refunds() + ", revenue " + day.revenue() + ", refunded "
        + day.refunded()));
    return lines;
  }

  /** Why each sale is credited or not: the reconciliation's counts and its answer per sale. */
  private static List<String> reconciliationLines(String name, ReconciliationResult result, Namespace ns) {
    if (!(result instanceof ReconciliationResult.Found found)) {
      return List.of("reconciliation " + name + ": " + result);
    }
    ReconciliationReport report = found.report();
    List<String> lines = new ArrayList<>();
    StringBuilder byLink = new StringBuilder();
    report.byLink().forEach(link -> byLink.append(' ').append(ns.nameOf(link.slug())).append('=')
        .append(link.sales()).append(' ').append(link.revenue()));
    lines.add("reconciliation " + name + ": sales " + report.sales() + ", attributed " + report.attributedSales()
        + ", by link" + byLink + ", unattributed " + report.unattributed());
    for (SaleAnswer sale : report.conversions()) {
      lines.add("reconciliation " + name + " sale " + ns.nameOf(sale.orderId()) + ": "
          + (sale.attributed() ? ns.nameOf(sale.slug()) + " via " + sale.path() : sale.reason().wireName()));
    }
    return lines;
  }

  /** Only this run's channels: on a shared table the other runs' links are listed too. */
  private static List<String> channelLines(String days, ChannelStatsResult result, Namespace ns) {
    if (!(result instanceof ChannelStatsResult.Found found)) {
      return List.of("channels " + days + ": " + result);
    }
    SortedMap<String, String> byName = new TreeMap<>();
    for (ChannelStats channel : found.channels()) {
      String name = ns.nameOf(channel.channel());
      if (!name.equals(channel.channel())) {
        byName.put(name, "clicks " + channel.clicks() + ", unique " + channel.uniqueClicks() + ", goals "
            + channel.goals() + ", revenue " + channel.revenue() + ", rate " + channel.conversionRate());
      }
    }
    List<String> lines = new ArrayList<>();
    byName.forEach((name, numbers) -> lines.add("channel " + name + " " + days + ": " + numbers));
    return lines;
  }
}
