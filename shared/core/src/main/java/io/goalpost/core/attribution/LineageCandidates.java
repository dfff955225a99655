package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.identity.ClickOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clicks in the lineage of a conversion's visitor id: those that carried the visitor id at
 * click time, and those it won by claim (SPEC §3 Page events). Path {@code cookie}: the browser's
 * first-party {@code gp_vid} is what ties them to the conversion.
 */
public final class LineageCandidates implements CandidateSource {

  private final LineageStore lineages;
  private final ClickOwners owners;
  private final ConversionStore conversions;

  public LineageCandidates(LineageStore lineages, ClickOwners owners, ConversionStore conversions) {
    this.lineages = Objects.requireNonNull(lineages);
    this.owners = Objects.requireNonNull(owners);
    this.conversions = Objects.requireNonNull(conversions);
  }

  @Override
  public List<Candidate> candidatesOf(Conversion conversion) {
    if (conversion.visitorId() == null) {
      return List.of();
    }
    List<Click> clicks = new ArrayList<>(lineages.clicksOf(conversion.visitorId()));
    clicks.addAll(owners.wonBy(conversion.visitorId()));
    // A bot's click never joins a lineage, but a page event may claim its click id: still no candidate.
    return clicks.stream().filter(Click::human).map(click -> new Candidate(click, CreditPath.COOKIE)).toList();
  }

  /**
   * The owner's conversions from the click's time on: no earlier one can count the click, nor
   * hold a goal that the click could move.
   */
  @Override
  public List<String> conversionsReachedBy(Click click) {
    return owners.ownerOf(click)
        .map(owner -> conversions.ofVisitor(owner).stream()
            .filter(conversion -> !conversion.at().isBefore(click.at()))
            .map(Conversion::id)
            .toList())
        .orElse(List.of());
  }
}
