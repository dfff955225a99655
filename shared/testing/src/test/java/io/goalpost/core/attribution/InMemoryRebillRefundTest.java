package io.goalpost.core.attribution;

import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.RebillRefundContract;

/** Rebills and refunds over the in-memory fakes. */
class InMemoryRebillRefundTest extends RebillRefundContract {

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return stores.stores();
  }
}
