package io.goalpost.testing;

import io.goalpost.core.identity.Claim;
import io.goalpost.core.identity.ClaimStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Claim attempts in memory; {@link ClaimStoreContract} keeps it honest against the DynamoDB one. */
public final class InMemoryClaimStore implements ClaimStore {

  private static final Comparator<Claim> BY_TIME =
      Comparator.comparing(Claim::at).thenComparing(Claim::visitorId);

  private final Map<String, TreeSet<Claim>> byClick = new HashMap<>();
  private final Map<String, TreeSet<String>> byVisitor = new HashMap<>();

  @Override
  public synchronized void add(Claim claim) {
    byVisitor.computeIfAbsent(claim.visitorId(), v -> new TreeSet<>()).add(claim.clickId());
    byClick.computeIfAbsent(claim.clickId(), c -> new TreeSet<>(BY_TIME)).add(claim);
  }

  @Override
  public synchronized List<Claim> claimsOf(String clickId, Instant from, Instant to) {
    return byClick.getOrDefault(clickId, new TreeSet<>(BY_TIME)).stream()
        .filter(claim -> !claim.at().isBefore(from) && !claim.at().isAfter(to))
        .toList();
  }

  @Override
  public synchronized List<String> claimedBy(String visitorId) {
    return List.copyOf(byVisitor.getOrDefault(visitorId, new TreeSet<>()));
  }

  /** Erasure of a lineage; the attempts kept on the clicks stay (docs/decisions/007), as the DynamoDB one deletes the visitor's partition. */
  public synchronized void forget(String visitorId) {
    byVisitor.remove(visitorId);
  }
}
