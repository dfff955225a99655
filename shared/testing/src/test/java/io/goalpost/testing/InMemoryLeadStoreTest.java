package io.goalpost.testing;

import io.goalpost.core.lead.LeadStore;

class InMemoryLeadStoreTest extends LeadStoreContract {

  private final InMemoryLeadStore store = new InMemoryLeadStore();

  @Override
  protected LeadStore store() {
    return store;
  }
}
