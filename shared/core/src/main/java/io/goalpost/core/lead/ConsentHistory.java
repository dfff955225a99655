package io.goalpost.core.lead;

import java.time.Instant;
import java.util.List;

/** A lead's consent changes, earliest first; answers what held at a moment. */
public record ConsentHistory(List<ConsentChange> changes) {

  public ConsentHistory {
    changes = changes.stream().sorted(ConsentChange.BY_TIME).toList();
  }

  /** The latest change at or before {@code at}; without any, the lead has not agreed. */
  public boolean gdprConsentAt(Instant at) {
    boolean consent = false;
    for (ConsentChange change : changes) {
      if (change.at().isAfter(at)) {
        break;
      }
      consent = change.gdprConsent();
    }
    return consent;
  }
}
