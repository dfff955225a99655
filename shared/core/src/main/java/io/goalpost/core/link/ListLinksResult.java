package io.goalpost.core.link;

import java.util.List;

/** A page of the link list, or why the request for one cannot be answered. */
public sealed interface ListLinksResult {

    /** {@code nextCursor} is null on the last page. */
    record Page(List<Link> items, String nextCursor) implements ListLinksResult {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The message reads as an API error and never echoes the input. */
    record Invalid(String message) implements ListLinksResult {
    }
}
