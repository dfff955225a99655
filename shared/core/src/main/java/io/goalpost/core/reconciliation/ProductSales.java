package io.goalpost.core.reconciliation;

import io.goalpost.core.attribution.Conversion;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales of each product by day (docs/decisions/009): the index the reconciliation report
 * lists a product's sales from. The worker notes each sale after storing its conversion, so
 * whoever finds an id here finds the conversion.
 */
public interface ProductSales {

  /** Notes the sale under its product and UTC day; noting it again changes nothing. */
  void note(Conversion sale);

  /** The conversion ids of the product's sales on {@code from} … {@code to} (UTC days, inclusive), earliest first, ties by id. */
  List<String> between(String productId, LocalDate from, LocalDate to);
}
