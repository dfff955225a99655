package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import java.util.List;
import java.util.Objects;

/**
 * The click a conversion's click id names (the {@code gp_cid} the checkout carried): path
 * {@code click_id}. The reference from the click to the conversion is written with the
 * conversion, before its candidates are read, so a click recorded at the same time or later
 * finds the conversion.
 */
public final class ClickIdCandidates implements CandidateSource {

  private final ClickStore clicks;
  private final ConversionStore conversions;

  public ClickIdCandidates(ClickStore clicks, ConversionStore conversions) {
    this.clicks = Objects.requireNonNull(clicks);
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
        .map(click -> List.of(new Candidate(click, CreditPath.CLICK_ID)))
        .orElse(List.of());
  }

  @Override
  public List<String> conversionsReachedBy(Click click) {
    return conversions.namingClick(click.clickId());
  }
}
