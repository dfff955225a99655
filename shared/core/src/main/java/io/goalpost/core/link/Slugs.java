package io.goalpost.core.link;

import java.util.regex.Pattern;

/** The shape of a slug, checked before any lookup so a malformed one never reaches a store. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Slugs() {
    }

    public static boolean isWellFormed(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }
}
