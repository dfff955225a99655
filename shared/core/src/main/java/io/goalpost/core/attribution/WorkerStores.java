package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickStore;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.click.UniqueClickers;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.link.LinkStore;
import java.util.Objects;

/** Every port the worker writes or reads, so the DynamoDB and the in-memory worker are built alike. */
public record WorkerStores(LinkStore links, ClickStore clicks, LineageStore lineages,
    UniqueClickers uniqueClickers, ConversionStore conversions, CounterStore counters) {

  public WorkerStores {
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(clicks, "clicks");
    Objects.requireNonNull(lineages, "lineages");
    Objects.requireNonNull(uniqueClickers, "uniqueClickers");
    Objects.requireNonNull(conversions, "conversions");
    Objects.requireNonNull(counters, "counters");
  }
}
