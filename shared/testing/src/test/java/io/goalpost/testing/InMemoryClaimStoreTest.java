package io.goalpost.testing;

import io.goalpost.core.identity.ClaimStore;

class InMemoryClaimStoreTest extends ClaimStoreContract {

  private final InMemoryClaimStore store = new InMemoryClaimStore();

  @Override
  protected ClaimStore store() {
    return store;
  }
}
