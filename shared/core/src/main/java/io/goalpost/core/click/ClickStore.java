package io.goalpost.core.click;

import java.util.Optional;

/** Where the worker keeps clicks, by click id. Reads are strongly consistent. */
public interface ClickStore {

  /**
   * Stores the click unless one with its id is stored, and answers the stored one: the first
   * delivery's facts win, so every redelivery decides from the same click.
   */
  Click putIfAbsent(Click click);

  Optional<Click> find(String clickId);
}
