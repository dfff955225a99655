package io.goalpost.core.counter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An effect on counters with an id derived from the event that causes it ({@code click#<clickId>},
 * {@code sale#<orderId>}, {@code credit#<conversionId>#v<version>}). Applying the same operation id
 * twice, or re-applying one interrupted at any point, counts once.
 */
public record Operation(String id, List<Delta> deltas) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:#-]{1,200}");

  public Operation {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad operation id: " + id);
    }
    deltas = List.copyOf(deltas);
  }
}
