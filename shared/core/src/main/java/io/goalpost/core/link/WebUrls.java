package io.goalpost.core.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Absolute http(s) URLs, the only kind a link may send people to or a goal may name. Anything
 * else (javascript:, data:, relative, no host) is refused, because the redirect sends browsers
 * to exactly what is stored.
 */
final class WebUrls {

    static final int MAX_LENGTH = 2048;

    private WebUrls() {
    }

    /**
     * The URL in its ASCII form (non-ASCII characters percent-encoded, so it is safe in a
     * Location header), or empty when it is not an absolute http(s) URL with a host.
     */
    static Optional<String> normalize(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!web || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String ascii = uri.toASCIIString();
        return ascii.length() > MAX_LENGTH ? Optional.empty() : Optional.of(ascii);
    }
}
