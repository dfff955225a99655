package io.goalpost.testing;

import io.goalpost.core.attribution.CheckoutVisitors;

class InMemoryCheckoutVisitorsTest extends CheckoutVisitorsContract {

  private final InMemoryCheckoutVisitors markers = new InMemoryCheckoutVisitors();

  @Override
  protected CheckoutVisitors markers() {
    return markers;
  }
}
