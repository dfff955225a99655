package io.goalpost.core.lead;

import java.util.Optional;

/**
 * How a buyer's email crosses the queue and the outbox (docs/decisions/011): the webhook seals it
 * to its event, and only the worker, finding or creating the sale's lead, opens it. A sealed email
 * is bound to its event id, so it cannot be copied into another event and opened there.
 */
public interface EmailSeal {

  /** @return text with no {@code @} in it, of the form {@code v<n>.<base64url>} */
  String seal(String email, String eventId);

  /** The email, or empty when the text was not sealed to this event under this key, or was altered. */
  Optional<String> open(String sealed, String eventId);
}
