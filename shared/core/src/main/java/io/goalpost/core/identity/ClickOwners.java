package io.goalpost.core.identity;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which visitor a click belongs to (SPEC §3 Page events): the visitor id the click carried (the
 * redirect read {@code gp_vid}), else the visitor of the first claim by event time within an hour
 * after the click. Later claims by anyone else are dropped, so a pasted URL cannot spread one click
 * over many people. The owner is derived from the stored click and attempts every time it is
 * asked, never stored: a claim processed late but made earlier simply wins from then on.
 *
 * <p>Reads go click first, then its claims; {@link #claim} writes the claim first, then reads the
 * click. So a reader that saw the click saw every claim whose writer did not see the click.
 */
public final class ClickOwners {

  /** How long after a click a page event may still claim it. */
  public static final Duration CLAIM_WINDOW = Duration.ofHours(1);

  private final ClickStore clicks;
  private final ClaimStore claims;

  public ClickOwners(ClickStore clicks, ClaimStore claims) {
    this.clicks = Objects.requireNonNull(clicks);
    this.claims = Objects.requireNonNull(claims);
  }

  /** Whose lineage the click is in, if anyone's. */
  public Optional<String> ownerOf(Click click) {
    if (click.visitorId() != null) {
      return Optional.of(click.visitorId());
    }
    return validClaimsOn(click).stream().findFirst().map(Claim::visitorId);
  }

  /**
   * The clicks the visitor won by claim. Clicks that carried its visitor id are in its lineage
   * already ({@link io.goalpost.core.click.LineageStore}); a click that carried another visitor's
   * id cannot be claimed.
   */
  public List<Click> wonBy(String visitorId) {
    List<Click> won = new ArrayList<>();
    for (String clickId : claims.claimedBy(visitorId)) {
      clicks.find(clickId)
          .filter(click -> click.visitorId() == null)
          .filter(click -> ownerOf(click).filter(visitorId::equals).isPresent())
          .ifPresent(won::add);
    }
    return won;
  }

  /**
   * Keeps a claim attempt and answers whose lineages it changed: when the click is stored, carried
   * no visitor id, and this attempt is now the first valid one, the click moves to its visitor from
   * whoever held it — one of the later valid claimers, whichever it was when each of them looked.
   * All of them are named, so the caller can re-decide their conversions. An attempt that does not
   * win changes nobody's lineage; neither does one on a click not stored yet (the click's own
   * recording reads the claims after writing the click).
   */
  public Optional<OwnershipChange> claim(Claim claim) {
    claims.add(claim);
    Optional<Click> click = clicks.find(claim.clickId()).filter(stored -> stored.visitorId() == null);
    if (click.isEmpty()) {
      return Optional.empty();
    }
    List<Claim> valid = validClaimsOn(click.get());
    if (valid.isEmpty() || !valid.get(0).equals(claim)) {
      return Optional.empty();
    }
    Set<String> visitors = new LinkedHashSet<>();
    valid.forEach(attempt -> visitors.add(attempt.visitorId()));
    return Optional.of(new OwnershipChange(click.get(), List.copyOf(visitors)));
  }

  private List<Claim> validClaimsOn(Click click) {
    return claims.claimsOf(click.clickId(), click.at(), click.at().plus(CLAIM_WINDOW));
  }

  /**
   * A click that now belongs to the first of {@code visitorIds}; the others may have held it
   * before. Only their conversions from the click's time on can be changed by it.
   */
  public record OwnershipChange(Click click, List<String> visitorIds) {

    public OwnershipChange {
      Objects.requireNonNull(click, "click");
      visitorIds = List.copyOf(visitorIds);
    }
  }
}
