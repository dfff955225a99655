package io.goalpost.core.link;

import java.util.Optional;

/** Where links live. Slugs are case-sensitive and, once taken, taken for good. */
public interface LinkStore {

    /** Stores the link unless its slug is taken; answers whether it did (atomically, never overwriting). */
    boolean create(Link link);

    Optional<Link> find(String slug);
}
