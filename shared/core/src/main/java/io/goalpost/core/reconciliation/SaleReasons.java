package io.goalpost.core.reconciliation;

import io.goalpost.core.attribution.Candidate;
import io.goalpost.core.attribution.CandidateSource;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.CreditRules;
import io.goalpost.core.click.Click;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one reason of a sale without a credit (SPEC §3 Reconciliation), from stored facts only, with
 * the worker's own candidate sources and {@link CreditRules}: what the worker may connect to a sale
 * is exactly what the reasons look at, so the two cannot disagree about which clicks exist.
 */
public final class SaleReasons {

  private final List<CandidateSource> sources;
  private final LinkStore links;
  private final OtherDevices otherDevices;
  private final Predicate<Conversion> erasedIdentity;

  SaleReasons(List<CandidateSource> sources, LinkStore links, OtherDevices otherDevices,
      Predicate<Conversion> erasedIdentity) {
    this.sources = List.copyOf(sources);
    this.links = Objects.requireNonNull(links);
    this.otherDevices = Objects.requireNonNull(otherDevices);
    this.erasedIdentity = Objects.requireNonNull(erasedIdentity);
  }

  /**
   * {@code no_identity} when the sale carried no visitor id, click id or email (a lead), or when
   * its identity has been erased since; else the first reason that holds, {@code no_tracked_click}
   * when none does.
   */
  public Reason of(Conversion sale) {
    return of(sale, new HashMap<>());
  }

  /**
   * As {@link #of(Conversion)}, looking each link up once in {@code linksBySlug}, which one report
   * shares across its sales (docs/decisions/012): a link does not change while a report is read.
   */
  Reason of(Conversion sale, Map<String, Optional<Link>> linksBySlug) {
    if ((sale.visitorId() == null && sale.clickId() == null && sale.leadId() == null) || erasedIdentity.test(sale)) {
      return Reason.NO_IDENTITY;
    }
    List<Click> earlier = clicksAtOrBefore(sale);
    Predicate<Click> goalMatches = click -> linkOf(click, linksBySlug)
        .filter(link -> CreditRules.goalMatches(link.goal(), sale)).isPresent();
    if (earlier.stream().anyMatch(click -> goalMatches.test(click)
        && !CreditRules.withinWindow(linkOf(click, linksBySlug).orElseThrow(), click, sale))) {
      return Reason.OUTSIDE_WINDOW;
    }
    if (otherDevices.clickedOnAnotherDevice(sale, goalMatches)) {
      return Reason.OTHER_DEVICE_OR_COOKIE;
    }
    if (!earlier.isEmpty()) {
      return Reason.LINK_WITHOUT_GOAL;
    }
    return Reason.NO_TRACKED_CLICK;
  }

  private List<Click> clicksAtOrBefore(Conversion sale) {
    Map<String, Click> byId = new LinkedHashMap<>();
    for (CandidateSource source : sources) {
      for (Candidate candidate : source.candidatesOf(sale)) {
        if (!candidate.click().at().isAfter(sale.at())) {
          byId.putIfAbsent(candidate.click().clickId(), candidate.click());
        }
      }
    }
    return List.copyOf(byId.values());
  }

  private Optional<Link> linkOf(Click click, Map<String, Optional<Link>> linksBySlug) {
    return linksBySlug.computeIfAbsent(click.slug(), links::find);
  }
}
