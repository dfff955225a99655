package io.goalpost.core.lead;

import java.time.Instant;
import java.util.Objects;

/** A visitor id verifiably joined to a lead, from its first verified source on. */
public record Join(String visitorId, Instant at, String source) {

  public Join {
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
  }
}
