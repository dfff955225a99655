package io.goalpost.core.lead;

/**
 * Deletes what a visitor id's lineage holds (docs/decisions/007, Erasure): its clicks, touches,
 * claim attempts, lead links and conversion references. What other people's results stand on
 * stays: the click items themselves and the attempts recorded on them (pseudonymous ids that
 * decide who owns a click), the conversions and their credits, the counters.
 */
@FunctionalInterface
public interface LineageErasure {

  /** Deletes the lineage of the identity (a visitor id, or {@code lead#<leadId>}); again changes nothing. */
  void eraseLineage(String identity);
}
