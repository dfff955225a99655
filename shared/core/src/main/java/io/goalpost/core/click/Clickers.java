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
   * The visitor id when the request carried one; otherwise the click itself, so a click without
   * ids is its own clicker (counted unique) until the redirect sends the IP+UA hash.
   */
  static Clickers visitorElseClick() {
    return click -> click.visitorId() != null ? "vid#" + click.visitorId() : "cid#" + click.clickId();
  }
}
