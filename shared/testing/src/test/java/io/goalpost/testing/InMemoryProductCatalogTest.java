package io.goalpost.testing;

import io.goalpost.core.product.ProductCatalog;

class InMemoryProductCatalogTest extends ProductCatalogContract {

    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog();

    @Override
    protected ProductCatalog catalog() {
        return catalog;
    }
}
