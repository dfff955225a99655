package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import io.goalpost.core.identity.ClickOwners;
import java.util.List;
import java.util.Objects;

/**
 * The click a conversion's click id names (the {@code gp_cid} the checkout carried): path
 * {@code click_id}. When the conversion also carries a visitor id, the click counts only if it is
 * that visitor's (SPEC §3 Attribution): a click claimed by someone else — a pasted link — or by
 * no one does not reach another visitor's sale. The reference from the click to the conversion is
 * written with the conversion, before its candidates are read, so a click recorded at the same
 * time or later finds the conversion.
 */
public final class ClickIdCandidates implements CandidateSource {

  private final ClickStore clicks;
  private final ClickOwners owners;
  private final ConversionStore conversions;

  public ClickIdCandidates(ClickStore clicks, ClickOwners owners, ConversionStore conversions) {
    this.clicks = Objects.requireNonNull(clicks);
    this.owners = Objects.requireNonNull(owners);
    this.conversions = Objects.requireNonNull(conversions);
  }

  @Override
  public List<Candidate> candidatesOf(Conversion conversion) {
    if (conversion.clickId() == null) {
      return List.of();
    }
    // A bot's click is stored so a conversion naming it finds it, and is never a candidate.
    return clicks.find(conversion.clickId())
        .filter(Click::human)
        .filter(click -> conversion.visitorId() == null
            || owners.ownerOf(click).filter(conversion.visitorId()::equals).isPresent())
        .map(click -> List.of(new Candidate(click, CreditPath.CLICK_ID)))
        .orElse(List.of());
  }

  @Override
  public List<String> conversionsReachedBy(Click click) {
    return conversions.namingClick(click.clickId());
  }
}
