package io.goalpost.testing;

import io.goalpost.core.click.ClickStore;

class InMemoryClickStoreTest extends ClickStoreContract {

  private final InMemoryClickStore store = new InMemoryClickStore();

  @Override
  protected ClickStore store() {
    return store;
  }
}
