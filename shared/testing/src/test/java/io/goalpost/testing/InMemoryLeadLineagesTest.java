package io.goalpost.testing;

import io.goalpost.core.lead.LeadLineages;

class InMemoryLeadLineagesTest extends LeadLineagesContract {

  private final InMemoryLeadLineages store = new InMemoryLeadLineages();

  @Override
  protected LeadLineages store() {
    return store;
  }
}
