package io.goalpost.testing;

import io.goalpost.core.click.SaltStore;

class InMemorySaltStoreTest extends SaltStoreContract {

  private final InMemorySaltStore store = new InMemorySaltStore();

  @Override
  protected SaltStore store() {
    return store;
  }
}
