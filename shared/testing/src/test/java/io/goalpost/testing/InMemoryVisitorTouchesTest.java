package io.goalpost.testing;

import io.goalpost.core.identity.VisitorTouches;

class InMemoryVisitorTouchesTest extends VisitorTouchesContract {

  private final InMemoryVisitorTouches store = new InMemoryVisitorTouches();

  @Override
  protected VisitorTouches store() {
    return store;
  }
}
