package io.goalpost.testing;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.LineageStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lineages in memory; {@link LineageStoreContract} keeps it honest against the DynamoDB one. */
public final class InMemoryLineageStore implements LineageStore {

  private static final Comparator<Click> BY_TIME =
      Comparator.comparing(Click::at).thenComparing(Click::clickId);

  private final Map<String, TreeSet<Click>> clicksByVisitor = new HashMap<>();

  @Override
  public synchronized void addClick(String visitorId, Click click) {
    clicksByVisitor.computeIfAbsent(visitorId, v -> new TreeSet<>(BY_TIME)).add(click);
  }

  @Override
  public synchronized List<Click> clicksOf(String visitorId) {
    return List.copyOf(clicksByVisitor.getOrDefault(visitorId, new TreeSet<>(BY_TIME)));
  }

  /** Erasure of a lineage (docs/decisions/007), as the DynamoDB one deletes the visitor's partition. */
  public synchronized void forget(String visitorId) {
    clicksByVisitor.remove(visitorId);
  }
}
