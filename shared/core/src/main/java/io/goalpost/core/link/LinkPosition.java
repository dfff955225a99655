package io.goalpost.core.link;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a link stands in the list, newest first: by creation time (to the millisecond, what every
 * store keeps), then by slug, both descending. A page of the list ends at a position, and the next
 * page starts after it.
 */
public record LinkPosition(Instant createdAt, String slug) {

  /** Newest first; links created in the same millisecond by slug, descending (as DynamoDB orders keys). */
  public static final Comparator<LinkPosition> NEWEST_FIRST =
      Comparator.comparing(LinkPosition::createdAt).thenComparing(LinkPosition::slug).reversed();

  public LinkPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(slug, "slug");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
  }

  public static LinkPosition of(Link link) {
    return new LinkPosition(link.createdAt(), link.slug());
  }
}
