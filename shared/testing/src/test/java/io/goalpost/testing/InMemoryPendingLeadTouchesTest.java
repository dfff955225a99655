package io.goalpost.testing;

import io.goalpost.core.lead.PendingLeadTouches;

class InMemoryPendingLeadTouchesTest extends PendingLeadTouchesContract {

  private final InMemoryPendingLeadTouches store = new InMemoryPendingLeadTouches();

  @Override
  protected PendingLeadTouches store() {
    return store;
  }
}
