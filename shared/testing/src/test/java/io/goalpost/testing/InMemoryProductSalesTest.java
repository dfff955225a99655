package io.goalpost.testing;

import io.goalpost.core.reconciliation.ProductSales;

/** The ProductSales contract over the in-memory fake. */
class InMemoryProductSalesTest extends ProductSalesContract {

  private final InMemoryProductSales sales = new InMemoryProductSales();

  @Override
  protected ProductSales sales() {
    return sales;
  }
}
