package io.goalpost.testing;

import io.goalpost.core.link.LinkStore;

class InMemoryLinkStoreTest extends LinkStoreContract {

    private final InMemoryLinkStore store = new InMemoryLinkStore();

    @Override
    protected LinkStore store() {
        return store;
    }
}
