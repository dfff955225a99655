package io.goalpost.testing;

import io.goalpost.core.attribution.OrderStore;

class InMemoryOrderStoreTest extends OrderStoreContract {

  private final InMemoryOrderStore store = new InMemoryOrderStore();

  @Override
  protected OrderStore store() {
    return store;
  }
}
