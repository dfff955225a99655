package io.goalpost.core.attribution;

import io.goalpost.core.counter.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored conversion with its current credit. {@code version} counts credit changes (0 = never
 * credited); {@code pending} is the counter operation of the latest change while it may not be
 * applied yet — whoever reads it next finishes it before deciding anything.
 */
public record ConversionRecord(Conversion conversion, Credit credit, long version, Operation pending) {

  public ConversionRecord {
    Objects.requireNonNull(conversion, "conversion");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  /** A conversion as first stored: no credit, version 0, nothing pending. */
  public static ConversionRecord fresh(Conversion conversion) {
    return new ConversionRecord(conversion, null, 0, null);
  }

  public Optional<Operation> pendingOperation() {
    return Optional.ofNullable(pending);
  }
}
