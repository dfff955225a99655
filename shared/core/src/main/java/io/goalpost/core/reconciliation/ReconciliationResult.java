package io.goalpost.core.reconciliation;

/** What a reconciliation request comes to: the report, or why it cannot be answered (a 400). */
public sealed interface ReconciliationResult {

  record Found(ReconciliationReport report) implements ReconciliationResult {
  }

  record Invalid(String message) implements ReconciliationResult {
  }
}
