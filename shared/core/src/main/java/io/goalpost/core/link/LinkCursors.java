package io.goalpost.core.link;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The list's cursor: the last position of a page, {@code <createdAt>#<slug>}, in base64url.
 * Opaque to callers; decoding takes only what encoding makes, so a forged cursor is refused, not
 * passed to a store.
 */
final class LinkCursors {

    private LinkCursors() {
    }

    static String encode(LinkPosition position) {
        String key = position.createdAt() + "#" + position.slug();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<LinkPosition> decode(String cursor) {
        if (cursor.length() > 200) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int hash = key.indexOf('#');
            if (hash < 0) {
                return Optional.empty();
            }
            String slug = key.substring(hash + 1);
            if (!Slugs.isWellFormed(slug)) {
                return Optional.empty();
            }
            return Optional.of(new LinkPosition(Instant.parse(key.substring(0, hash)), slug));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }
}
