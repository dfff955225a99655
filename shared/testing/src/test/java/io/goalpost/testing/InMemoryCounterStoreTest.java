package io.goalpost.testing;

import io.goalpost.core.counter.CounterStore;

class InMemoryCounterStoreTest extends CounterStoreContract {

  private final InMemoryCounterStore store = new InMemoryCounterStore();

  @Override
  protected CounterStore store() {
    return store;
  }
}
