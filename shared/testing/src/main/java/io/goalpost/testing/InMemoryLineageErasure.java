package io.goalpost.testing;

import io.goalpost.core.lead.LineageErasure;

/**
 * Erasure of a lineage over the in-memory stores: what the DynamoDB one does by deleting the
 * identity's {@code VID#} partition.
 */
public record InMemoryLineageErasure(InMemoryLineageStore lineages, InMemoryVisitorTouches touches,
    InMemoryClaimStore claims, InMemoryConversionStore conversions) implements LineageErasure {

  @Override
  public void eraseLineage(String identity) {
    lineages.forget(identity);
    touches.forget(identity);
    claims.forget(identity);
    conversions.forget(identity);
  }
}
