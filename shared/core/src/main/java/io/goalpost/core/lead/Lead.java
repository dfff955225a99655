package io.goalpost.core.lead;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person known by email (SPEC §1). After erasure only the tombstone is left: the id, the
 * visitor ids it was joined to (so later page events of theirs are dropped), no email.
 *
 * @param email     normalised; null once erased
 * @param emailHash the email's HMAC under EmailHashKey; kept on the tombstone only until the
 *                  worker has erased the diagnostic joins filed under it, then null
 */
public record Lead(String leadId, String email, String emailHash, Instant createdAt, boolean erased,
    List<String> erasedVisitorIds) {

  public Lead {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(createdAt, "createdAt");
    erasedVisitorIds = List.copyOf(erasedVisitorIds);
    if (!erased) {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(emailHash, "emailHash");
    }
  }

  public static Lead of(String leadId, String email, String emailHash, Instant createdAt) {
    return new Lead(leadId, email, emailHash, createdAt, false, List.of());
  }

  /** Never prints the email: records end up in exception messages and logs. */
  @Override
  public String toString() {
    return "Lead[" + leadId + (erased ? " erased" : "") + "]";
  }
}
