package io.goalpost.core.attribution;

import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.PageEventContract;

/** The worker's page-event scenarios over the in-memory fakes. */
class InMemoryPageEventTest extends PageEventContract {

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return stores.stores();
  }
}
