package io.goalpost.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of a visitor to claim a click (SPEC §3 Page events): a page event under consent
 * {@code all} that named the click id, at its event time. Every attempt is kept; which one wins is
 * decided when reading ({@link ClickOwners}), so claims may arrive in any order, before the click too.
 */
public record Claim(String clickId, String visitorId, Instant at) {

  public Claim {
    Objects.requireNonNull(clickId, "clickId");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(at, "at");
  }
}
