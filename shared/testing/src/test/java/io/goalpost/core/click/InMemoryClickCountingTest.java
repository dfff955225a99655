package io.goalpost.core.click;

import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.testing.ClickCountingContract;
import io.goalpost.testing.InMemoryWorkerStores;

/** How clicks are counted, over the in-memory fakes. */
class InMemoryClickCountingTest extends ClickCountingContract {

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return stores.stores();
  }
}
