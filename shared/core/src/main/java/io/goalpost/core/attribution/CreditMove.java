package io.goalpost.core.attribution;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counter operation of one credit change: the goal (and a sale's revenue) leave the old link
 * and reach the new one, on the conversion's day. Its id names the conversion and the version the
 * change creates ({@code credit#<conversionId>#v<n>}), so each change counts once and the sum of
 * every change applied is exactly the current credit.
 */
public final class CreditMove {

  private CreditMove() {
  }

  public static String operationId(String conversionId, long version) {
    return "credit#" + conversionId + "#v" + version;
  }

  /** The move from {@code from} to {@code to} (either may be null); empty when nothing moves. */
  public static Optional<Operation> between(Conversion conversion, Credit from, Credit to, long version) {
    Map<String, Map<String, Long>> bySlug = new LinkedHashMap<>();
    if (from != null) {
      add(bySlug, from.slug(), conversion, -1);
    }
    if (to != null) {
      add(bySlug, to.slug(), conversion, +1);
    }
    List<Delta> deltas = new ArrayList<>();
    bySlug.forEach((slug, amounts) -> {
      amounts.values().removeIf(amount -> amount == 0);
      if (!amounts.isEmpty()) {
        deltas.add(new Delta(Counter.link(slug, conversion.day()), amounts));
      }
    });
    return deltas.isEmpty()
        ? Optional.empty()
        : Optional.of(new Operation(operationId(conversion.id(), version), deltas));
  }

  private static void add(Map<String, Map<String, Long>> bySlug, String slug, Conversion conversion, int sign) {
    Map<String, Long> amounts = bySlug.computeIfAbsent(slug, s -> new LinkedHashMap<>());
    amounts.merge(Fields.GOALS, (long) sign, Long::sum);
    if (conversion.kind() == Conversion.Kind.SALE) {
      amounts.merge(Fields.revenue(conversion.currency()), sign * conversion.amount(), Long::sum);
    }
  }
}
