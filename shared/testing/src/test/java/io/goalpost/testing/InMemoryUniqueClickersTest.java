package io.goalpost.testing;

import io.goalpost.core.click.UniqueClickers;

class InMemoryUniqueClickersTest extends UniqueClickersContract {

  private final InMemoryUniqueClickers markers = new InMemoryUniqueClickers();

  @Override
  protected UniqueClickers markers() {
    return markers;
  }
}
