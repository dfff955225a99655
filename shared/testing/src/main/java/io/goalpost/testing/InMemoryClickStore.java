package io.goalpost.testing;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clicks in a map; {@link ClickStoreContract} keeps it honest against the DynamoDB one. */
public final class InMemoryClickStore implements ClickStore {

  private final Map<String, Click> clicks = new ConcurrentHashMap<>();

  @Override
  public Click putIfAbsent(Click click) {
    Click stored = clicks.putIfAbsent(click.clickId(), click);
    return stored == null ? click : stored;
  }

  @Override
  public Optional<Click> find(String clickId) {
    return Optional.ofNullable(clicks.get(clickId));
  }

  public int size() {
    return clicks.size();
  }
}
