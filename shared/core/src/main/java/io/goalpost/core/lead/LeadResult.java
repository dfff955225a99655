package io.goalpost.core.lead;

/** What a lead route's call came to; the handler turns each into its status. */
public sealed interface LeadResult {

  /** The lead as it now stands; {@code created} when this call made it. */
  record Done(LeadView view, boolean created) implements LeadResult {
  }

  /** A personalised tracking link's token for the lead. */
  record Token(String leadId, String slug, String token) implements LeadResult {
  }

  /** The erasure is under way: the tombstone is written, the command enqueued. */
  record Erasing(String leadId) implements LeadResult {
  }

  record Invalid(String message) implements LeadResult {
  }

  /** No lead (or link) with this id; {@code erased} when a tombstone is all that is left. */
  record NotFound(String message, boolean erased) implements LeadResult {
  }
}
