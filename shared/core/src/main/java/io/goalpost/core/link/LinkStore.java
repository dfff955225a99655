package io.goalpost.core.link;

import java.util.List;
import java.util.Optional;

/** Where links live. Slugs are case-sensitive and, once taken, taken for good (archived links keep theirs). */
public interface LinkStore {

    /** Stores the link unless its slug is taken; answers whether it did (atomically, never overwriting). */
    boolean create(Link link);

    Optional<Link> find(String slug);

    /**
     * Up to {@code count} links, archived ones included, in {@link LinkPosition#NEWEST_FIRST}
     * order, starting after {@code after} (null: from the newest). Fewer than {@code count} means
     * there are no more. A list, not a decision: it may lag a write by a moment.
     */
    List<Link> newestFirst(int count, LinkPosition after);

    /**
     * Makes the update's changes to the stored link, and only those (two updates of different
     * fields at once both hold); answers the link as stored after, or empty when no link has the slug.
     */
    Optional<Link> update(String slug, LinkUpdate update);

    /** Marks the link archived (again, if it was); answers false when no link has the slug. */
    boolean archive(String slug);
}
