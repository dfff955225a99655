package io.goalpost.core.lead;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One value of a lead's {@code gdprConsent}, from a verified source, at its event time. Changes
 * are never overwritten, so the consent at any past moment can be read back.
 *
 * @param changeId unique per change (the event id that made it), so two changes at one instant both stay
 * @param source   what set it: {@code opt_in} or {@code api} (a PATCH)
 */
public record ConsentChange(boolean gdprConsent, Instant at, String changeId, String source) {

  public static final Comparator<ConsentChange> BY_TIME =
      Comparator.comparing(ConsentChange::at).thenComparing(ConsentChange::changeId);

  public ConsentChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(changeId, "changeId");
    Objects.requireNonNull(source, "source");
  }
}
