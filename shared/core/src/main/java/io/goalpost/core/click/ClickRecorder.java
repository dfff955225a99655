package io.goalpost.core.click;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.event.ClickEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The worker's side of a click (docs/decisions/001-data-model.md, "One click"). Every step is safe
 * to repeat, so a redelivery after a crash at any point counts the click once: the click is
 * written before anything reads its counterparts (a personalised click's lead lineage before the
 * click itself), and the counts go through one exactly-once operation {@code click#<clickId>}.
 */
public final class ClickRecorder {

  private final ClickStore clicks;
  private final LineageStore lineages;
  private final UniqueClickers uniqueClickers;
  private final Clickers clickers;
  private final CounterStore counters;
  private final ClickAttribution attribution;
  private final ClickLeads leads;

  public ClickRecorder(ClickStore clicks, LineageStore lineages, UniqueClickers uniqueClickers,
      Clickers clickers, CounterStore counters, ClickAttribution attribution) {
    this(clicks, lineages, uniqueClickers, clickers, counters, attribution, ClickLeads.NONE);
  }

  /** @param leads what a personalised ({@code gp_lt}) click adds: the lead's lineage and a join */
  public ClickRecorder(ClickStore clicks, LineageStore lineages, UniqueClickers uniqueClickers,
      Clickers clickers, CounterStore counters, ClickAttribution attribution, ClickLeads leads) {
    this.clicks = Objects.requireNonNull(clicks);
    this.lineages = Objects.requireNonNull(lineages);
    this.uniqueClickers = Objects.requireNonNull(uniqueClickers);
    this.clickers = Objects.requireNonNull(clickers);
    this.counters = Objects.requireNonNull(counters);
    this.attribution = Objects.requireNonNull(attribution);
    this.leads = Objects.requireNonNull(leads);
  }

  /**
   * A bot's click counts as {@code botClicks} only: no clicks, no unique clicks, no lineage, and
   * it is never a candidate (it is stored as not human, so a conversion naming it skips it).
   * Whether it is a bot is the stored click's fact, so a redelivery decides as the first did.
   */
  public void record(ClickEvent event) {
    // The lead's side first: a page event that finds the click then finds its lead (decision 010).
    leads.record(event, Click.of(event));
    Click click = clicks.putIfAbsent(Click.of(event));
    if (!click.human()) {
      counters.apply(new Operation(operationId(click.clickId()),
          List.of(Delta.of(Counter.link(click.slug(), click.day()), Fields.BOT_CLICKS, 1L))));
      return;
    }
    if (click.visitorId() != null) {
      lineages.addClick(click.visitorId(), click);
    }
    leads.stored(event, click);
    boolean unique = uniqueClickers.firstOfDay(click.slug(), click.day(), clickers.keyOf(event),
        click.clickId());
    counters.apply(countOf(click, unique));
    attribution.reconsider(click);
  }

  static String operationId(String clickId) {
    return "click#" + clickId;
  }

  private static Operation countOf(Click click, boolean unique) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(Fields.CLICKS, 1L);
    if (unique) {
      amounts.put(Fields.UNIQUE_CLICKS, 1L);
    }
    Counter counter = Counter.link(click.slug(), click.day());
    return new Operation(operationId(click.clickId()), List.of(new Delta(counter, amounts)));
  }
}
