package io.goalpost.testing;

import io.goalpost.core.attribution.ConversionStore;

class InMemoryConversionStoreTest extends ConversionStoreContract {

  private final InMemoryConversionStore store = new InMemoryConversionStore();

  @Override
  protected ConversionStore store() {
    return store;
  }
}
