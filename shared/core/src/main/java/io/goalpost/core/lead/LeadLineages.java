package io.goalpost.core.lead;

import java.util.List;

/**
 * The worker's side of a lead (docs/decisions/007): the clicks in the lead's own lineage (its
 * {@code gp_lt} clicks and clicks a server-side opt-in named), the conversions that carry it, and
 * the visitor ids erased with a lead. Every write is a plain put, safe to repeat; reads are
 * strongly consistent.
 */
public interface LeadLineages {

  /** Puts the click in the lead's lineage; the click's side is written first. */
  void addClick(String leadId, String clickId);

  /** The click ids in the lead's lineage, in id order. */
  List<String> clicksOf(String leadId);

  /** The leads whose lineage holds the click, in id order. */
  List<String> leadsOfClick(String clickId);

  /**
   * Puts a {@code gp_lt} click in the lead's lineage ({@link #addClick}) and notes it as the lead's
   * personalised click: only such a click lets an essential-consent page event count for the lead
   * (SPEC §3 Consent). A click a server-side opt-in named is in the lineage but not personalised,
   * whichever of the two is written first.
   */
  void addPersonalisedClick(String leadId, String clickId);

  /** The leads whose personalised click it is, in id order. */
  List<String> leadsOfPersonalisedClick(String clickId);

  void referConversion(String leadId, String conversionId);

  /** The ids of the conversions that carry the lead, in id order. */
  List<String> conversionsOf(String leadId);

  /** Marks the visitor id as erased: its later page events are dropped. */
  void markErased(String visitorId, String leadId);

  boolean isErased(String visitorId);

  /** Deletes the lead's lineage (its clicks, both sides, and conversion refs). */
  void erase(String leadId);
}
