package io.goalpost.core.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leads (docs/decisions/007): the lead item (the only place an email is kept), the pointer from
 * the email's hash, the consent history and the verified joins. Reads are strongly consistent;
 * every write is one single-item write, safe to repeat.
 */
public interface LeadStore extends DiagnosticJoins {

  /**
   * The lead of this email, created with {@code newLeadId} if it has none; answers the lead id.
   * Two callers racing on one email end with the same lead.
   */
  String createOrFind(String email, String emailHash, String newLeadId, Instant at);

  Optional<String> findByEmailHash(String emailHash);

  /** The lead or its tombstone. */
  Optional<Lead> find(String leadId);

  /** Keeps the change; keeping it again changes nothing. */
  void addConsent(String leadId, ConsentChange change);

  ConsentHistory consentOf(String leadId);

  /**
   * Joins the visitor to the lead (verified). The first join's time stays. The visitor's side is
   * written first, so whoever finds the join on the lead finds it from the visitor too.
   */
  void join(String leadId, Join join);

  /** The verified joins, in visitor id order. */
  List<Join> joinsOf(String leadId);

  /** The leads the visitor is verifiably joined to, in id order. */
  List<String> leadsOfVisitor(String visitorId);

  /**
   * Turns the lead into its tombstone at once: email and the email pointer gone, the visitor ids
   * kept. Answers false when there is no such lead; tombstoning again answers true.
   */
  boolean tombstone(String leadId, List<String> visitorIds, Instant at);

  /**
   * Deletes the consent history, the joins (both sides) and the diagnostic joins of the
   * tombstone's email hash, then the hash itself: after this only the tombstone is left.
   */
  void eraseHistory(String leadId);
}
