package io.goalpost.testing;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.reconciliation.ProductSales;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Sales by product and day in memory; {@link ProductSalesContract} keeps it like the DynamoDB one. Thread-safe. */
public final class InMemoryProductSales implements ProductSales {

  private final Map<String, TreeSet<Conversion>> byProduct = new HashMap<>();

  @Override
  public synchronized void note(Conversion sale) {
    if (sale.kind() != Conversion.Kind.SALE) {
      throw new IllegalArgumentException("only sales are noted by product: " + sale.id());
    }
    byProduct.computeIfAbsent(sale.productId(), p -> new TreeSet<>(Conversion.BY_TIME)).add(sale);
  }

  @Override
  public synchronized List<String> between(String productId, LocalDate from, LocalDate to) {
    return byProduct.getOrDefault(productId, new TreeSet<>(Conversion.BY_TIME)).stream()
        .filter(sale -> !sale.day().isBefore(from) && !sale.day().isAfter(to))
        .map(Conversion::id)
        .toList();
  }
}
