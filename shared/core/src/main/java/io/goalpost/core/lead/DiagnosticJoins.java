package io.goalpost.core.lead;

import java.util.List;

/**
 * Visitor ids an email was seen beside when its lead had no {@code gdprConsent} (SPEC §3 Consent
 * table): kept under the email's HMAC only, never shown per person, never used for a credit. The
 * reconciliation reads it to name {@code other_device_or_cookie}: a sale whose identity has a
 * click only on one of these visitor ids.
 */
public interface DiagnosticJoins {

  /** Notes the visitor id beside the email hash; noting it again changes nothing. */
  void addDiagnosticJoin(String emailHash, String visitorId, java.time.Instant at);

  /** The visitor ids that may not be joined to this email's lead, in id order. */
  List<String> mayNotJoin(String emailHash);
}
