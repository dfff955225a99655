package io.goalpost.core.attribution;

import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.WorkerContract;

/** The worker's scenarios over the in-memory fakes. */
class InMemoryWorkerTest extends WorkerContract {

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return stores.stores();
  }
}
