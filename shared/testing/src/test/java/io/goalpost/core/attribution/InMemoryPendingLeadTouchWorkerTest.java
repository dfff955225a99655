package io.goalpost.core.attribution;

import io.goalpost.core.lead.EmailHashes;
import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.PendingLeadTouchWorkerContract;

/** Essential events before their personalised click, over the in-memory fakes. */
class InMemoryPendingLeadTouchWorkerTest extends PendingLeadTouchWorkerContract {

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return stores.stores();
  }

  @Override
  protected EmailHashes emailHashes() {
    return new EmailHashes(InMemoryWorkerStores.EMAIL_HASH_KEY);
  }
}
