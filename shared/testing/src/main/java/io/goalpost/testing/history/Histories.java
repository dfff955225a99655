package io.goalpost.testing.history;

import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.testing.history.HistoryLink.GoalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generates histories for the order-independence property (docs/decisions/006): a few links with
 * every kind of goal, window and {@code countRebills}; clicks by a few people, with or without
 * their visitor id, some by bots; page events that claim clicks (consent {@code all} with a click
 * id), view goal pages, opt in with or without a form, view checkouts, or carry only essential
 * consent; sales with a visitor id, a click id, both or neither, of three products in two
 * currencies; rebills and partial, full and over-refunds; duplicates of any of them; and one
 * shuffled delivery.
 *
 * <p>The names are few on purpose ({@code v0..v2}; {@code d0}, who never gets a visitor id;
 * products {@code p0..p2}) so that events meet: the same visitor clicks twice, two visitors claim
 * one click, a sale names a click someone else claimed. Times are minutes over five days; claims
 * and sales naming a click are placed relative to it (a claim 10 minutes before to 2 hours after,
 * so the one-hour claim window is crossed both ways; a sale from an hour before to four days
 * after, mostly within a day, so windows of 1 to 3 days are crossed too). Every choice shrinks
 * towards the simplest: no visitor, no click, time order.
 */
public final class Histories implements ArbitrarySupplier<History> {

  private static final int SPAN_MINUTES = 5 * 24 * 60;
  private static final int MAX_CLICKS = 6;
  private static final int MAX_PAGES = 6;
  private static final int MAX_SALES = 4;
  private static final int MAX_LATER = 4;
  private static final int MAX_DUPLICATES = 4;
  private static final int MAX_LEADS = 2;
  /** Each lead's opt-in and maybe one consent change. */
  private static final int MAX_LEAD_EVENTS = 2 * MAX_LEADS;
  private static final int MAX_DELIVERIES =
      MAX_CLICKS + MAX_PAGES + MAX_SALES + MAX_LATER + MAX_LEAD_EVENTS + MAX_DUPLICATES;
  private static final String[] PAGES = {"/a", "/a/", "/b", "/c"};

  private record LinkDraft(GoalKind goal, int target, int window, boolean rebills, int channel) {}

  /**
   * {@code person}: 0 someone never given a visitor id, 1..3 {@code v0..v2}; {@code carries}: gp_vid read;
   * {@code lead}: 0 an ordinary link, n a personalised link ({@code gp_lt}) of lead n-1 if the history has it.
   */
  private record ClickDraft(int link, int person, boolean carries, boolean bot, int minute, int lead) {}

  /**
   * A lead's server-side opt-in at {@code minute} with consent {@code consent} (0 none sent, 1 true, 2
   * false), naming {@code visitor} (0 none) and a form ({@code form}: 0 none, n {@code f(n-1)}); then,
   * if {@code change}, a PATCH to {@code changeTo} {@code changeAfter} minutes after the opt-in.
   */
  private record LeadDraft(int consent, int visitor, int form, int minute, boolean change, boolean changeTo,
      int changeAfter) {}

  /** {@code click}: 0 none, else the click it follows; {@code asClicker}: by the person who clicked it. */
  private record PageDraft(PageEvent.Kind kind, boolean all, int visitor, int click, boolean asClicker, int delay,
      int minute, int choice) {}

  private record SaleFacts(int product, long amount, boolean euro) {}

  /** {@code withClickId}: the checkout carried the followed click's id (else only the visitor id, if any). */
  private record SaleDraft(SaleFacts facts, int visitor, int click, boolean asClicker, boolean withClickId,
      int delay, int minute, int email) {}

  private record LaterDraft(OrderEvent.Kind kind, int order, int refundSize, int days, int minute) {}

  @Override
  public Arbitrary<History> get() {
    return all();
  }

  public static Arbitrary<History> all() {
    return Combinators.combine(
            Arbitraries.of(AttributionModel.LAST_TOUCH, AttributionModel.FIRST_TOUCH),
            Combinators.combine(links().list().ofMinSize(1).ofMaxSize(4), leads().list().ofMaxSize(MAX_LEADS))
                .as(Tuple::of),
            clicks().list().ofMinSize(1).ofMaxSize(MAX_CLICKS),
            pages().list().ofMaxSize(MAX_PAGES),
            sales().list().ofMaxSize(MAX_SALES),
            later().list().ofMaxSize(MAX_LATER),
            Arbitraries.integers().between(0, 100).list().ofMaxSize(MAX_DUPLICATES),
            Arbitraries.integers().between(0, 1000).list().ofSize(MAX_DELIVERIES))
        .as(Histories::resolve);
  }

  // ---- drafts: indices and choices, which shrink well ------------------------------------

  private static Arbitrary<LinkDraft> links() {
    Arbitrary<GoalKind> goals = Arbitraries.frequency(Tuple.of(1, GoalKind.NONE), Tuple.of(2, GoalKind.OPT_IN),
        Tuple.of(2, GoalKind.PAGE_VISIT), Tuple.of(3, GoalKind.PURCHASE));
    // Goal targets: any form or product / a page /a; the first form or product; the second.
    Arbitrary<Integer> targets = Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(2, 1), Tuple.of(1, 2));
    return Combinators.combine(goals, targets,
            Arbitraries.integers().between(1, 3), Arbitraries.of(false, true), Arbitraries.integers().between(0, 1))
        .as(LinkDraft::new);
  }

  private static Arbitrary<ClickDraft> clicks() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), someone(), mostly(),
            Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true)), minute(),
            Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(1, 2)))
        .as(ClickDraft::new);
  }

  private static Arbitrary<LeadDraft> leads() {
    return Combinators.combine(Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(1, 2)), someone(),
            Arbitraries.integers().between(0, 2), minute(), Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)),
            Arbitraries.of(false, true), uniform(0, 3 * 24 * 60))
        .as(LeadDraft::new);
  }

  private static Arbitrary<PageDraft> pages() {
    Arbitrary<PageEvent.Kind> kinds = Arbitraries.frequency(Tuple.of(2, PageEvent.Kind.PAGE_VIEW),
        Tuple.of(2, PageEvent.Kind.OPT_IN), Tuple.of(1, PageEvent.Kind.CHECKOUT_VIEW));
    // Choice 0: what the followed click's link advertised (see page()); the others: anything.
    Arbitrary<Integer> choices = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3));
    return Combinators.combine(kinds,
            Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)), someone(), clickRef(), mostly(),
            Arbitraries.frequencyOf(Tuple.of(3, uniform(-10, 120)),
                Tuple.of(2, uniform(0, 3 * 24 * 60))),
            minute(), choices)
        .as(PageDraft::new);
  }

  private static Arbitrary<SaleDraft> sales() {
    Arbitrary<Integer> products = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(1, 2));
    Arbitrary<SaleFacts> facts = Combinators.combine(products,
            Arbitraries.longs().between(0, 50).map(n -> n * 100), Arbitraries.of(false, true))
        .as(SaleFacts::new);
    // Exactly at the click or at the end of a 1-, 2- or 3-day window: both ends count.
    Arbitrary<Integer> edges = Arbitraries.of(0, 24 * 60, 2 * 24 * 60, 3 * 24 * 60);
    Arbitrary<Integer> delays = Arbitraries.frequencyOf(Tuple.of(4, uniform(0, 24 * 60)),
        Tuple.of(1, uniform(-60, 0)), Tuple.of(2, uniform(0, 4 * 24 * 60)), Tuple.of(1, edges));
    // Email: none, a lead's, or someone's no lead has yet (the worker makes a lead of it).
    Arbitrary<Integer> emails = Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(2, 1), Tuple.of(1, 2), Tuple.of(1, 3));
    return Combinators.combine(facts, someone(), clickRef(), mostly(), mostly(), delays, minute(), emails)
        .as(SaleDraft::new);
  }

  private static Arbitrary<LaterDraft> later() {
    return Combinators.combine(Arbitraries.of(OrderEvent.Kind.REBILL, OrderEvent.Kind.REFUND),
            Arbitraries.integers().between(0, MAX_SALES), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 6), uniform(0, 24 * 60 - 1))
        .as(LaterDraft::new);
  }

  /** 0: nobody (no visitor id); 1..3: {@code v0..v2}, the first most often, so visitors meet. */
  private static Arbitrary<Integer> someone() {
    return Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3));
  }

  /** 0: no click; n ≤ MAX_CLICKS: a click of the history; beyond: a click id no click of it has. */
  private static Arbitrary<Integer> clickRef() {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
        Tuple.of(5, Arbitraries.integers().between(1, MAX_CLICKS)), Tuple.of(1, Arbitraries.just(MAX_CLICKS + 1)));
  }

  /** Times spread evenly: jqwik's default bias to small numbers would bunch events at midnight of day 0. */
  private static Arbitrary<Integer> uniform(int min, int max) {
    return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<Boolean> mostly() {
    return Arbitraries.frequency(Tuple.of(1, false), Tuple.of(2, true));
  }

  private static Arbitrary<Integer> minute() {
    return uniform(0, SPAN_MINUTES - 1);
  }

  // ---- from drafts to a history -----------------------------------------------------------

  private static History resolve(AttributionModel model, Tuple.Tuple2<List<LinkDraft>, List<LeadDraft>> linksAndLeads,
      List<ClickDraft> clickDrafts, List<PageDraft> pageDrafts, List<SaleDraft> saleDrafts, List<LaterDraft> laterDrafts,
      List<Integer> duplicates, List<Integer> keys) {
    List<LinkDraft> linkDrafts = linksAndLeads.get1();
    List<LeadDraft> leadDrafts = linksAndLeads.get2();
    List<HistoryLink> links = new ArrayList<>();
    for (int i = 0; i < linkDrafts.size(); i++) {
      links.add(link("L" + i, linkDrafts.get(i)));
    }
    List<HistoryClick> clicks = new ArrayList<>();
    for (int i = 0; i < clickDrafts.size(); i++) {
      ClickDraft draft = clickDrafts.get(i);
      String person = draft.person() == 0 ? "d0" : visitor(draft.person());
      boolean personalised = draft.lead() > 0 && draft.lead() <= leadDrafts.size();
      String lead = personalised ? "ld" + (draft.lead() - 1) : null;
      // A personalised link is made for a lead the api knows: its click comes after the lead's opt-in.
      int minute = personalised ? after(leadDrafts.get(draft.lead() - 1).minute(), draft.minute()) : draft.minute();
      clicks.add(new HistoryClick("c" + i, links.get(draft.link() % links.size()).name(), person, draft.carries(),
          draft.bot(), at(minute), lead));
    }
    List<HistoryEvent> events = new ArrayList<>(clicks);
    for (int i = 0; i < leadDrafts.size(); i++) {
      events.addAll(leadEvents(i, leadDrafts.get(i)));
    }
    for (int i = 0; i < pageDrafts.size(); i++) {
      events.add(page("e" + i, pageDrafts.get(i), clicks, links));
    }
    List<HistoryPayment> sales = new ArrayList<>();
    for (int i = 0; i < saleDrafts.size(); i++) {
      sales.add(sale(i, saleDrafts.get(i), clicks, links, leadDrafts.size()));
    }
    events.addAll(sales);
    for (int i = 0; i < laterDrafts.size(); i++) {
      events.add(later(i, laterDrafts.get(i), sales));
    }
    events.sort(Comparator.comparing(HistoryEvent::at));
    return new History(model, links, events, shuffle(events.size(), duplicates, keys));
  }

  private static HistoryLink link(String name, LinkDraft draft) {
    String target = switch (draft.goal()) {
      case NONE -> null;
      case OPT_IN -> draft.target() == 0 ? null : "f" + (draft.target() - 1);
      case PAGE_VISIT -> draft.target() == 0 ? "/a" : "/b";
      case PURCHASE -> draft.target() == 0 ? null : "p" + (draft.target() - 1);
    };
    return new HistoryLink(name, draft.goal(), target, draft.window(), draft.rebills(),
        draft.channel() == 0 ? "a" : "b");
  }

  /**
   * Choice 0, the most likely, is what the followed click's link advertised (its goal's page, form
   * or product), as people mostly do what the link they clicked offered; the others are anything.
   */
  private static HistoryPage page(String name, PageDraft draft, List<HistoryClick> clicks, List<HistoryLink> links) {
    // Under essential the beacon keeps no visitor id; it may still send the click id of its URL.
    HistoryClick followed = followed(draft.click(), clicks, links, draft.kind() == PageEvent.Kind.PAGE_VIEW
        ? GoalKind.PAGE_VISIT : draft.kind() == PageEvent.Kind.OPT_IN ? GoalKind.OPT_IN : GoalKind.PURCHASE);
    // A lead landing through their personalised link keeps essential consent as often as not: the
    // case the lead rule is for (decisions 007, 010); others mostly consent to all.
    boolean personal = followed != null && followed.lead() != null && draft.asClicker();
    PageEvent.Consent consent = draft.all() && !(personal && draft.choice() % 2 == 0)
        ? PageEvent.Consent.ALL : PageEvent.Consent.ESSENTIAL;
    String visitor = consent == PageEvent.Consent.ESSENTIAL ? null
        : draft.asClicker() && followed != null ? followed.personVisitor()
        : visitor(draft.visitor());
    String click = clickName(draft.click(), followed);
    // The lead lands at once, mostly within the hour the lead rule allows; a few minutes either side cross it.
    int delay = personal ? Math.floorMod(draft.delay(), 70) - 5 : draft.delay();
    Instant at = followed != null ? followed.at().plus(Duration.ofMinutes(delay)) : at(draft.minute());
    String advertised = advertised(followed, links, draft.kind() == PageEvent.Kind.PAGE_VIEW ? GoalKind.PAGE_VISIT
        : draft.kind() == PageEvent.Kind.OPT_IN ? GoalKind.OPT_IN : GoalKind.PURCHASE);
    int choice = draft.choice();
    return switch (draft.kind()) {
      case PAGE_VIEW -> new HistoryPage(name, draft.kind(), consent, visitor, click,
          choice == 0 && advertised != null ? advertised : PAGES[choice], null, null, at);
      case OPT_IN -> new HistoryPage(name, draft.kind(), consent, visitor, click, null,
          choice == 0 ? advertised : choice == 1 ? null : "f" + (choice - 2), null, at);
      case CHECKOUT_VIEW -> new HistoryPage(name, draft.kind(), consent, visitor, click, null, null,
          choice == 0 && advertised != null ? advertised : "p" + (choice % 2), at);
    };
  }

  /**
   * A lead's opt-in and maybe a consent change after it: a PATCH needs a lead to exist, and the api
   * writes both before it enqueues (applied before the worker runs, see OrderIndependenceProperty).
   */
  private static List<HistoryLead> leadEvents(int i, LeadDraft draft) {
    String lead = "ld" + i;
    Instant at = at(draft.minute());
    Boolean consent = draft.consent() == 0 ? null : draft.consent() == 1;
    List<HistoryLead> events = new ArrayList<>();
    events.add(new HistoryLead("a" + i, LeadEvent.Kind.OPT_IN, lead, consent, visitor(draft.visitor()),
        draft.form() == 0 ? null : "f" + (draft.form() - 1), at));
    if (draft.change()) {
      events.add(new HistoryLead("a" + (i + MAX_LEADS), LeadEvent.Kind.CONSENT, lead, draft.changeTo(), null, null,
          at.plus(Duration.ofMinutes(draft.changeAfter()))));
    }
    return events;
  }

  private static HistoryPayment sale(int i, SaleDraft draft, List<HistoryClick> clicks, List<HistoryLink> links,
      int leads) {
    HistoryClick followed = followed(draft.click(), clicks, links, GoalKind.PURCHASE);
    Instant at = followed != null ? followed.at().plus(Duration.ofMinutes(draft.delay())) : at(draft.minute());
    String visitor = draft.asClicker() && followed != null ? followed.personVisitor() : visitor(draft.visitor());
    String click = followed != null && !draft.withClickId() ? null : clickName(draft.click(), followed);
    SaleFacts facts = draft.facts();
    String advertised = advertised(followed, links, GoalKind.PURCHASE);
    String product = facts.product() == 0 && advertised != null ? advertised : "p" + facts.product();
    String email = draft.email() == 0 ? null
        : draft.email() == 3 || draft.email() > leads ? "x0"
        : "ld" + (draft.email() - 1);
    return new HistoryPayment("s" + i, OrderEvent.Kind.SALE, "o" + i, null, product, facts.amount(),
        facts.euro() ? "EUR" : "USD", visitor, click, at, email);
  }

  /** A rebill or refund of the n-th sale, days after it; of an order never sold when there is no such sale. */
  private static HistoryPayment later(int i, LaterDraft draft, List<HistoryPayment> sales) {
    // The last choice is an order never sold (its payments wait for a sale that never comes).
    boolean sold = draft.order() < MAX_SALES && !sales.isEmpty();
    HistoryPayment sale = sold ? sales.get(draft.order() % sales.size()) : null;
    String order = sold ? sale.order() : "o" + MAX_SALES;
    String product = sold ? sale.product() : "p0";
    String currency = sold ? sale.currency() : "USD";
    long paid = sold ? sale.amount() : 1000;
    Instant at = (sold ? sale.at() : HistoryEvent.DAY_ZERO)
        .plus(Duration.ofDays(draft.days())).plus(Duration.ofMinutes(draft.minute()));
    if (draft.kind() == OrderEvent.Kind.REBILL) {
      return new HistoryPayment("r" + i, draft.kind(), order, "r" + i, product, paid, currency, null, null, at, null);
    }
    long refunded = switch (draft.refundSize()) {
      case 0 -> paid / 2;
      case 1 -> paid;
      default -> paid + 500;
    };
    return new HistoryPayment("f" + i, draft.kind(), order, "f" + i, product, refunded, currency, null, null, at,
        null);
  }

  private static List<History.Delivery> shuffle(int size, List<Integer> duplicates, List<Integer> keys) {
    List<History.Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      deliveries.add(new History.Delivery(i, false));
    }
    if (size > 0) {
      duplicates.forEach(pick -> deliveries.add(new History.Delivery(pick % size, true)));
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < deliveries.size(); i++) {
      positions.add(i);
    }
    // Stable: keys shrink to all zeros, which is time order with the duplicates last.
    positions.sort(Comparator.comparing(keys::get));
    return positions.stream().map(deliveries::get).toList();
  }

  private static String visitor(int someone) {
    return someone == 0 ? null : "v" + (someone - 1);
  }

  /** The page, form or product the followed click's link has as its goal of that kind, if it has one. */
  private static String advertised(HistoryClick followed, List<HistoryLink> links, GoalKind kind) {
    if (followed == null) {
      return null;
    }
    return links.stream()
        .filter(link -> link.name().equals(followed.link()) && link.goal() == kind)
        .findFirst()
        .map(HistoryLink::goalTarget)
        .orElse(null);
  }

  /** The click a page event or sale follows, if it follows one the history has. */
  private static HistoryClick followed(int ref, List<HistoryClick> clicks, List<HistoryLink> links, GoalKind kind) {
    if (ref == 0 || ref > MAX_CLICKS || clicks.isEmpty()) {
      return null;
    }
    // People mostly do what the link they clicked offered: prefer clicks on links with such a goal.
    List<HistoryClick> offering = clicks.stream()
        .filter(click -> links.stream().anyMatch(link -> link.name().equals(click.link()) && link.goal() == kind))
        .toList();
    List<HistoryClick> among = offering.isEmpty() ? clicks : offering;
    return among.get((ref - 1) % among.size());
  }

  /** The click id it carries: the followed click's, else none, or one no click of the history has. */
  private static String clickName(int ref, HistoryClick followed) {
    if (followed != null) {
      return followed.name();
    }
    return ref == 0 ? null : "c" + (MAX_CLICKS + 1);
  }

  /** A minute at or after {@code earliest} within the span, spread by {@code minute}. */
  private static int after(int earliest, int minute) {
    return earliest + minute % (SPAN_MINUTES - earliest);
  }

  private static Instant at(int minute) {
    return HistoryEvent.DAY_ZERO.plus(Duration.ofMinutes(minute));
  }
}
