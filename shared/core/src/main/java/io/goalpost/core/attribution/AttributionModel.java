package io.goalpost.core.attribution;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of a conversion's counting candidates gets the credit: the deployment's
 * {@code AttributionModel}. Ties in click time go by click id, so every worker picks the same.
 */
public enum AttributionModel {
  LAST_TOUCH("last_touch"),
  FIRST_TOUCH("first_touch");

  private static final Comparator<Candidate> BY_CLICK_TIME =
      Comparator.comparing((Candidate candidate) -> candidate.click().at())
          .thenComparing(candidate -> candidate.click().clickId());

  private final String wireName;

  AttributionModel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static AttributionModel fromWireName(String name) {
    for (AttributionModel model : values()) {
      if (model.wireName.equals(name)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown attribution model: " + name);
  }

  public Optional<Candidate> pick(Collection<Candidate> counting) {
    return this == LAST_TOUCH
        ? counting.stream().max(BY_CLICK_TIME)
        : counting.stream().min(BY_CLICK_TIME);
  }
}
