package io.goalpost.core.lead;

import java.util.List;

/**
 * Essential-consent page events waiting for their click (docs/decisions/010): a page event the
 * worker takes before the {@code gp_lt} click it names is kept here under the click id, and the
 * click replays it once stored, so the lead's goal does not depend on which came first. Keeping
 * a touch again changes nothing; reads are strongly consistent.
 */
public interface PendingLeadTouches {

  /** Keeps the touch unless one with its click and event id is kept. */
  void keep(PendingTouch touch);

  /** The touches waiting for the click, in event id order. */
  List<PendingTouch> waitingFor(String clickId);

  /** Forgets the touch; forgetting one that is not kept changes nothing. */
  void forget(String clickId, String eventId);
}
