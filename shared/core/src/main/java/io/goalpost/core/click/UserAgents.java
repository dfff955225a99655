package io.goalpost.core.click;

/**
 * Tells bots and link-preview fetchers from people by the user agent they send (SPEC §3 Clicks):
 * their clicks count as {@code botClicks} only. The redirect asks, so only the answer travels.
 */
@FunctionalInterface
public interface UserAgents {

  /** Whether a request with this {@code User-Agent} (null when it sent none) comes from a bot. */
  boolean isBot(String userAgent);
}
