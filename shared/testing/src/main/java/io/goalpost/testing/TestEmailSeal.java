package io.goalpost.testing;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.lead.AesGcmEmailSeal;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.EmailSeal;

/**
 * Seals and opens emails the way the webhook and the in-memory worker do, under
 * {@link InMemoryWorkerStores#EMAIL_HASH_KEY}, so a test can hand the worker a sale with an email
 * and read the email a webhook put in an event.
 */
public final class TestEmailSeal {

  public static final EmailSeal IN_MEMORY = under(new EmailHashes(InMemoryWorkerStores.EMAIL_HASH_KEY));

  private TestEmailSeal() {
  }

  public static EmailSeal under(EmailHashes hashes) {
    return new AesGcmEmailSeal(hashes);
  }

  /** The email sealed to the event it will travel in. */
  public static String sealed(String email, String eventId) {
    return IN_MEMORY.seal(email, eventId);
  }

  /** The email an event carries, opened; null when it carries none or it does not open. */
  public static String opened(OrderEvent event) {
    return event.sealedEmail() == null ? null : IN_MEMORY.open(event.sealedEmail(), event.eventId()).orElse(null);
  }
}
