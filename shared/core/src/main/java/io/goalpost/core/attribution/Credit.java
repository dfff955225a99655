package io.goalpost.core.attribution;

import java.util.Objects;

/** A conversion credited to one link's goal, through one click reached by one path. */
public record Credit(String slug, String clickId, CreditPath path) {

  public Credit {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(clickId, "clickId");
    Objects.requireNonNull(path, "path");
  }
}
