package io.goalpost.core.lead;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.id.Ids;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.Slugs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The api function's side of leads (SPEC §3 Leads, §4; docs/decisions/007). It writes the lead,
 * its consent and its joins itself, so a read right after shows them, and hands the worker what
 * decides credits (the opt-in conversion, a consent change, the erasure) as a {@link LeadEvent} —
 * on the queue, else in the outbox, which the worker re-drives.
 */
public final class Leads {

  /** An opt-in's {@code occurredAt} may run this far ahead of our clock (the sender's clock drifts). */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
  static final String OPT_IN = "opt_in";
  static final String API = "api";
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private final LeadStore leads;
  private final LeadLog log;
  private final EmailHashes hashes;
  private final LeadTokens tokens;
  private final LinkStore links;
  private final EventQueue queue;
  private final Outbox outbox;
  private final Ids ids;
  private final Clock clock;
  private final LeadJoins joins;

  public Leads(LeadStore leads, LeadLog log, EmailHashes hashes, LeadTokens tokens, LinkStore links, EventQueue queue,
      Outbox outbox, Ids ids, Clock clock) {
    this.leads = Objects.requireNonNull(leads);
    this.log = Objects.requireNonNull(log);
    this.hashes = Objects.requireNonNull(hashes);
    this.tokens = Objects.requireNonNull(tokens);
    this.links = Objects.requireNonNull(links);
    this.queue = Objects.requireNonNull(queue);
    this.outbox = Objects.requireNonNull(outbox);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.joins = new LeadJoins(leads);
  }

  /**
   * The server-side opt-in: creates or finds the lead, records the consent sent with its time,
   * joins the visitor (verified under consent, else diagnostic), and enqueues the opt-in
   * conversion. Nothing is written when any field is refused.
   */
  public LeadResult optIn(OptInRequest request) {
    Optional<String> email = EmailAddresses.normalise(request.email());
    if (email.isEmpty()) {
      return new LeadResult.Invalid("email: must be an email address (at most 254 characters)");
    }
    Optional<String> refused = refusal(request);
    if (refused.isPresent()) {
      return new LeadResult.Invalid(refused.get());
    }
    Instant now = clock.instant();
    Instant at;
    try {
      at = request.occurredAt() == null ? now : Instant.parse(request.occurredAt());
    } catch (DateTimeParseException notAnInstant) {
      return new LeadResult.Invalid("occurredAt: must be an ISO-8601 instant such as 2025-04-01T09:30:00Z");
    }
    if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
      return new LeadResult.Invalid("occurredAt: must not be in the future");
    }
    String newLeadId = ids.clickId();
    String eventId = "api:" + ids.clickId();
    String leadId = leads.createOrFind(email.get(), hashes.of(email.get()), newLeadId, at);
    if (request.gdprConsent() != null) {
      leads.addConsent(leadId, new ConsentChange(request.gdprConsent(), at, eventId, OPT_IN));
    }
    if (request.visitorId() != null) {
      joins.join(leadId, request.visitorId(), at, OPT_IN);
    }
    enqueue(LeadEvent.optIn(eventId, at, leadId, request.visitorId(), request.clickId(), request.formId()));
    return new LeadResult.Done(viewOf(leads.find(leadId).orElseThrow()), leadId.equals(newLeadId));
  }

  public LeadResult find(String leadId) {
    return live(leadId).<LeadResult>map(lead -> new LeadResult.Done(viewOf(lead), false))
        .orElseGet(() -> notFound(leadId));
  }

  /** By email, so the address travels in a body, never in a URL or an access log. */
  public LeadResult search(String rawEmail) {
    Optional<String> email = EmailAddresses.normalise(rawEmail);
    if (email.isEmpty()) {
      return new LeadResult.Invalid("email: must be an email address (at most 254 characters)");
    }
    return leads.findByEmailHash(hashes.of(email.get()))
        .flatMap(this::live)
        .<LeadResult>map(lead -> new LeadResult.Done(viewOf(lead), false))
        .orElseGet(() -> new LeadResult.NotFound("no lead has this email", false));
  }

  /** A PATCH: the change takes effect from now; the worker decides the lead's conversions again. */
  public LeadResult changeConsent(String leadId, Boolean gdprConsent) {
    if (gdprConsent == null) {
      return new LeadResult.Invalid("gdprConsent: must be true or false");
    }
    Optional<Lead> lead = live(leadId);
    if (lead.isEmpty()) {
      return notFound(leadId);
    }
    Instant now = clock.instant();
    String eventId = "api:" + ids.clickId();
    leads.addConsent(leadId, new ConsentChange(gdprConsent, now, eventId, API));
    enqueue(LeadEvent.consent(eventId, now, leadId));
    return new LeadResult.Done(viewOf(lead.get()), false);
  }

  /**
   * Tombstones the lead at once and enqueues the erasure; asking again answers the same, and
   * enqueues it again (a lost command is thus one more DELETE away from done).
   */
  public LeadResult erase(String leadId) {
    if (!Ids.isMintedId(leadId)) {
      return notFound(leadId);
    }
    Optional<Lead> lead = leads.find(leadId);
    if (lead.isEmpty()) {
      return notFound(leadId);
    }
    List<String> visitors = lead.get().erased() ? lead.get().erasedVisitorIds()
        : leads.joinsOf(leadId).stream().map(Join::visitorId).toList();
    Instant now = clock.instant();
    leads.tombstone(leadId, visitors, now);
    enqueue(LeadEvent.erase("api:" + ids.clickId(), now, leadId));
    return new LeadResult.Erasing(leadId);
  }

  /** A {@code gp_lt} for the lead on a live link; the route makes the URL. */
  public LeadResult personalise(String leadId, String slug) {
    if (live(leadId).isEmpty()) {
      return notFound(leadId);
    }
    if (!Slugs.isWellFormed(slug) || links.find(slug).filter(link -> !link.archived()).isEmpty()) {
      return new LeadResult.NotFound("no live link has this slug", false);
    }
    return new LeadResult.Token(leadId, slug, tokens.mint(leadId, clock.instant()));
  }

  private Optional<Lead> live(String leadId) {
    return Ids.isMintedId(leadId) ? leads.find(leadId).filter(lead -> !lead.erased()) : Optional.empty();
  }

  private LeadResult notFound(String leadId) {
    boolean erased = Ids.isMintedId(leadId) && leads.find(leadId).filter(Lead::erased).isPresent();
    return new LeadResult.NotFound(erased ? "this lead was erased" : "no lead has this id", erased);
  }

  private LeadView viewOf(Lead lead) {
    List<Join> joined = leads.joinsOf(lead.leadId());
    return new LeadView(lead, joined, leads.consentOf(lead.leadId()).changes(), log.of(lead.leadId(), joined));
  }

  private void enqueue(LeadEvent event) {
    try {
      queue.publish(event);
    } catch (RuntimeException queueFailure) {
      outbox.keep(event);
    }
  }

  private static Optional<String> refusal(OptInRequest request) {
    if (request.visitorId() != null && !Ids.isMintedId(request.visitorId())) {
      return Optional.of("visitorId: must match " + Ids.MINTED_ID.pattern());
    }
    if (request.clickId() != null && !Ids.isMintedId(request.clickId())) {
      return Optional.of("clickId: must match " + Ids.MINTED_ID.pattern());
    }
    if (request.formId() != null && !EXTERNAL_ID.matcher(request.formId()).matches()) {
      return Optional.of("formId: must match " + EXTERNAL_ID.pattern());
    }
    return Optional.empty();
  }
}
