package io.goalpost.testing;

import io.goalpost.core.click.LineageStore;

class InMemoryLineageStoreTest extends LineageStoreContract {

  private final InMemoryLineageStore store = new InMemoryLineageStore();

  @Override
  protected LineageStore store() {
    return store;
  }
}
