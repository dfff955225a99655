package io.goalpost.testing.history;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A page event from {@code t.js}: a page view of one of a few pages, an opt-in (maybe naming a
 * form), a checkout view of a product. Under consent {@code all} it may carry a visitor id and
 * the click id it landed with (a claim); under {@code essential} at most the click id.
 */
public record HistoryPage(String name, PageEvent.Kind kind, PageEvent.Consent consent, String visitor,
    String click, String page, String form, String product, Instant at) implements HistoryEvent {

  @Override
  public TrackingEvent in(Namespace ns) {
    String url = switch (kind) {
      case PAGE_VIEW -> HistoryLink.SITE + page;
      case OPT_IN -> HistoryLink.SITE + "/join";
      case CHECKOUT_VIEW -> HistoryLink.SITE + "/checkout";
    };
    return new PageEvent(kind, ns.minted(name), at, url, null, consent,
        visitor == null ? null : ns.minted(visitor), click == null ? null : ns.minted(click),
        form == null ? null : ns.external(form), product == null ? null : ns.external(product));
  }

  @Override
  public Optional<String> conversionIdIn(Namespace ns) {
    // Without a visitor id, one naming a click may still count for a consenting lead (decision 007).
    if (kind == PageEvent.Kind.CHECKOUT_VIEW || visitor == null && click == null) {
      return Optional.empty();
    }
    Conversion.Kind conversion = kind == PageEvent.Kind.OPT_IN ? Conversion.Kind.OPT_IN : Conversion.Kind.PAGE_VIEW;
    return Optional.of(Conversion.pageId(conversion, ns.minted(name)));
  }

  @Override
  public String toString() {
    String what = switch (kind) {
      case PAGE_VIEW -> "page_view " + page;
      case OPT_IN -> "opt_in" + (form == null ? "" : " " + form);
      case CHECKOUT_VIEW -> "checkout_view " + product;
    };
    return HistoryEvent.label(at) + " " + name + " " + what + " " + consent.wireName()
        + (visitor == null ? "" : " " + visitor) + (click == null ? "" : " with " + click);
  }
}
