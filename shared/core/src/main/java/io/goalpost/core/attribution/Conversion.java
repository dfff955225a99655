package io.goalpost.core.attribution;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something that may complete a goal (SPEC §1): a sale (one per order), an opt-in or a page view.
 * Its id is derived from the event ({@code sale#<orderId>}, {@code opt_in#<eventId>},
 * {@code page_view#<eventId>}), so the same order or page event from two deliveries is one
 * conversion. The buyer's email is not kept here: emails live only on lead items.
 *
 * @param visitorId the visitor id the conversion carried, if any (always, for page conversions)
 * @param clickId   the click id a sale carried (the checkout's {@code gp_cid}); page conversions
 *                  reach their click through the visitor's claim instead, so they carry none
 * @param amount    minor units of {@code currency}; 0 for page conversions
 * @param url       the page a page view was of (reduced as the beacon keeps it)
 * @param formId    the form an opt-in named, if any
 * @param leadId    the lead it carries (docs/decisions/007): a server-side opt-in's, a payment
 *                  email's, or the lead of a {@code gp_lt} click an essential-consent page event
 *                  named; null for others
 */
public record Conversion(String id, Kind kind, Instant at, String visitorId, String clickId,
    String orderId, String productId, long amount, String currency, String url, String formId,
    String leadId) {

  /** Earliest first; ties by id, so every worker orders one identity's conversions alike. */
  public static final Comparator<Conversion> BY_TIME =
      Comparator.comparing(Conversion::at).thenComparing(Conversion::id);

  public enum Kind {
    SALE("sale", false),
    OPT_IN("opt_in", true),
    PAGE_VIEW("page_view", true);

    private final String wireName;
    private final boolean heldPerIdentity;

    Kind(String wireName, boolean heldPerIdentity) {
      this.wireName = wireName;
      this.heldPerIdentity = heldPerIdentity;
    }

    public String wireName() {
      return wireName;
    }

    /**
     * Whether its goals count once per identity per link (opt-ins, page visits), held by the
     * earliest such conversion; purchase goals count once per order instead.
     */
    public boolean heldPerIdentity() {
      return heldPerIdentity;
    }

    public static Kind fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown conversion kind: " + name);
    }
  }

  public Conversion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    switch (kind) {
      case SALE -> {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(currency, "currency");
      }
      case OPT_IN -> requireSomeone(visitorId, leadId);
      case PAGE_VIEW -> {
        requireSomeone(visitorId, leadId);
        Objects.requireNonNull(url, "url");
      }
    }
  }

  /** A conversion without a lead, as before leads existed. */
  public Conversion(String id, Kind kind, Instant at, String visitorId, String clickId, String orderId,
      String productId, long amount, String currency, String url, String formId) {
    this(id, kind, at, visitorId, clickId, orderId, productId, amount, currency, url, formId, null);
  }

  private static void requireSomeone(String visitorId, String leadId) {
    if (visitorId == null && leadId == null) {
      throw new NullPointerException("visitorId or leadId");
    }
  }

  /** The same conversion, carrying the lead. */
  public Conversion withLead(String lead) {
    return new Conversion(id, kind, at, visitorId, clickId, orderId, productId, amount, currency, url, formId, lead);
  }

  /**
   * The server-side opt-in of a lead ({@code POST /api/leads}): its id is the api's event id, so a
   * redelivery is one conversion.
   */
  public static Conversion leadOptIn(String eventId, Instant at, String leadId, String visitorId, String clickId,
      String formId) {
    return new Conversion(pageId(Kind.OPT_IN, eventId), Kind.OPT_IN, at, visitorId, clickId, null, null, 0, null,
        null, formId, Objects.requireNonNull(leadId, "leadId"));
  }

  /**
   * A page view or opt-in under consent {@code essential} that named a consenting lead's
   * {@code gp_lt} click: the lead's, with no visitor id (SPEC §3 Consent table).
   */
  public static Conversion ofLeadPage(PageEvent event, String leadId) {
    Kind kind = event.kind() == PageEvent.Kind.OPT_IN ? Kind.OPT_IN : Kind.PAGE_VIEW;
    if (event.kind() == PageEvent.Kind.CHECKOUT_VIEW) {
      throw new IllegalArgumentException("a checkout view is not a conversion");
    }
    return new Conversion(pageId(kind, event.eventId()), kind, event.occurredAt(), null, event.clickId(), null, null,
        0, null, kind == Kind.PAGE_VIEW ? event.url() : null, event.formId(), Objects.requireNonNull(leadId));
  }

  /** The sale of an order event of kind SALE. */
  public static Conversion sale(OrderEvent order) {
    if (order.kind() != OrderEvent.Kind.SALE) {
      throw new IllegalArgumentException("not a sale: " + order.kind().wireName());
    }
    return new Conversion(saleId(order.orderId()), Kind.SALE, order.occurredAt(), order.visitorId(),
        order.clickId(), order.orderId(), order.productId(), order.amount(), order.currency(), null, null);
  }

  /**
   * The conversion of a page view or an opt-in of a consenting visitor (consent {@code all} and a
   * visitor id); a checkout view is a touch, not a conversion.
   */
  public static Conversion ofPage(PageEvent event) {
    Kind kind = switch (event.kind()) {
      case PAGE_VIEW -> Kind.PAGE_VIEW;
      case OPT_IN -> Kind.OPT_IN;
      case CHECKOUT_VIEW -> throw new IllegalArgumentException("a checkout view is not a conversion");
    };
    if (event.consent() != PageEvent.Consent.ALL || event.visitorId() == null) {
      throw new IllegalArgumentException("no conversion without consent all and a visitor id");
    }
    return new Conversion(pageId(kind, event.eventId()), kind, event.occurredAt(), event.visitorId(), null,
        null, null, 0, null, kind == Kind.PAGE_VIEW ? event.url() : null, event.formId());
  }

  public static String saleId(String orderId) {
    return "sale#" + orderId;
  }

  public static String pageId(Kind kind, String eventId) {
    return kind.wireName() + "#" + eventId;
  }

  /**
   * Who the conversion belongs to (SPEC §1 identity), for goals held per identity: the visitor id,
   * else the lead (a lead's conversion without a visitor id; docs/decisions/007).
   */
  public String identity() {
    return visitorId != null ? visitorId : identityOfLead(leadId);
  }

  /** The identity of a lead's conversions that carry no visitor id: {@code lead#<leadId>}. */
  public static String identityOfLead(String leadId) {
    return "lead#" + leadId;
  }

  /** The UTC day its goals and revenue count on. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
