package io.goalpost.core.lead;

/**
 * {@code POST /api/leads} as sent, every field unchecked (the types are the JSON reader's
 * business, the rest is {@link Leads}'s): the email, then optional fields, null when absent.
 *
 * @param occurredAt an ISO-8601 instant, or null for the time the api received it
 */
public record OptInRequest(String email, Boolean gdprConsent, String visitorId, String clickId, String formId,
    String occurredAt) {

  /** Never prints the email: requests end up in exception messages and logs. */
  @Override
  public String toString() {
    return "OptInRequest[visitorId=" + visitorId + ", clickId=" + clickId + ", formId=" + formId + "]";
  }
}
