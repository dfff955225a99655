package io.goalpost.core.lead;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.identity.Touch;
import io.goalpost.core.identity.VisitorTouches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead's touches in time order, read from what the worker keeps: the lead's own lineage, the
 * lineages of its verified joins, and the conversions that carry it. A touch reached two ways is
 * listed once.
 */
public final class LeadLog {

  private final LeadLineages leadLineages;
  private final ClickStore clicks;
  private final LineageStore lineages;
  private final VisitorTouches touches;
  private final ConversionStore conversions;

  public LeadLog(LeadLineages leadLineages, ClickStore clicks, LineageStore lineages, VisitorTouches touches,
      ConversionStore conversions) {
    this.leadLineages = Objects.requireNonNull(leadLineages);
    this.clicks = Objects.requireNonNull(clicks);
    this.lineages = Objects.requireNonNull(lineages);
    this.touches = Objects.requireNonNull(touches);
    this.conversions = Objects.requireNonNull(conversions);
  }

  public List<LogEntry> of(String leadId, List<Join> joins) {
    Map<String, LogEntry> entries = new LinkedHashMap<>();
    leadLineages.clicksOf(leadId).forEach(id -> clicks.find(id).filter(Click::human).ifPresent(click -> add(entries, clickEntry(click))));
    for (Join join : joins) {
      lineages.clicksOf(join.visitorId()).forEach(click -> add(entries, clickEntry(click)));
      touches.of(join.visitorId()).forEach(touch -> add(entries, touchEntry(touch)));
    }
    for (String id : leadLineages.conversionsOf(leadId)) {
      conversions.find(id).map(ConversionRecord::conversion).ifPresent(conversion -> add(entries, conversionEntry(conversion)));
    }
    List<LogEntry> log = new ArrayList<>(entries.values());
    log.sort(LogEntry.BY_TIME);
    return log;
  }

  private static void add(Map<String, LogEntry> entries, LogEntry entry) {
    entries.putIfAbsent(entry.type() + "#" + entry.id(), entry);
  }

  private static LogEntry clickEntry(Click click) {
    return new LogEntry("click", click.clickId(), click.at(), click.slug(), null, null, null, null, null);
  }

  private static LogEntry touchEntry(Touch touch) {
    return new LogEntry(touch.kind().wireName(), touch.eventId(), touch.at(), null, touch.url(), touch.formId(),
        touch.productId(), null, null);
  }

  /** Opt-ins and page views share their event id with the touch, so each is listed once. */
  private static LogEntry conversionEntry(Conversion conversion) {
    return switch (conversion.kind()) {
      case SALE -> new LogEntry("payment", conversion.orderId(), conversion.at(), null, null, null,
          conversion.productId(), conversion.amount(), conversion.currency());
      case OPT_IN, PAGE_VIEW -> new LogEntry(conversion.kind().wireName(), eventIdOf(conversion), conversion.at(), null,
          conversion.url(), conversion.formId(), null, null, null);
    };
  }

  private static String eventIdOf(Conversion conversion) {
    return conversion.id().substring(conversion.id().indexOf('#') + 1);
  }
}
