package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import java.util.Objects;

/** A click that may earn a conversion's credit, and the path it was reached by. */
public record Candidate(Click click, CreditPath path) {

  public Candidate {
    Objects.requireNonNull(click, "click");
    Objects.requireNonNull(path, "path");
  }

  public Credit credit() {
    return new Credit(click.slug(), click.clickId(), path);
  }
}
