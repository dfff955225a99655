package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;

/**
 * Who clicked, as far as unique clicks are concerned (SPEC §3 Clicks): the lead of a {@code gp_lt}
 * click, else the visitor id, else a daily-salted hash of IP and user agent. The key is never
 * shown; it only tells two clicks of one person on one day apart from two people.
 */
@FunctionalInterface
public interface Clickers {

  /** A key naming the clicker; its prefix keeps keys of different kinds from ever colliding. */
  String keyOf(ClickEvent click);

  /**
   * The key the redirect chose ({@link ClickEvent#clicker()}): only it saw the IP and the user
   * agent. A version 1 click reads as the visitor id, else the click itself, as it was counted.
   */
  static Clickers asSent() {
    return ClickEvent::clicker;
  }
}
