package io.goalpost.core.beacon;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Page URLs as Goalpost keeps them: scheme, host, port and path, plus the {@code utm_*}
 * parameters, and nothing else. A query can hold anything a site puts there (emails in a
 * "thank you" URL, reset tokens, search terms) and a fragment is the page's own business, so
 * both go; {@code utm_*} stay because they say where the visit came from. User info
 * ({@code user:pass@}) goes too. Whatever still holds an {@code @} — a path segment such as
 * {@code /thanks/ann@example.com}, a {@code utm_*} value a mailing tool filled in — is dropped
 * (a segment becomes {@code -}): the URL goes onto the queue, maybe into the outbox, and into
 * touch and conversion items, where no email may be (SPEC §5, docs/decisions/011).
 */
final class PageUrls {

    static final int MAX_LENGTH = 2048;

    private PageUrls() {
    }

    /** The reduced URL, or empty when {@code url} is not an absolute http(s) URL of at most 2048 characters. */
    static Optional<String> reduce(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String safe = safe(url);
        int hash = safe.indexOf('#');
        String beforeFragment = hash < 0 ? safe : safe.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.isOpaque()) {
            return Optional.empty();
        }
        StringBuilder reduced = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != (scheme.equals("http") ? 80 : 443)) {
            reduced.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        reduced.append(path == null || path.isEmpty() ? "/" : withoutEmails(path));
        List<String> utm = utmParameters(query);
        if (!utm.isEmpty()) {
            reduced.append('?').append(String.join("&", utm));
        }
        return Optional.of(reduced.toString());
    }

    private static List<String> utmParameters(String query) {
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty() && name(parameter).toLowerCase(Locale.ROOT).startsWith("utm_")
                    && !mayHoldAnEmail(parameter)) {
                kept.add(parameter);
            }
        }
        return kept;
    }

    private static String withoutEmails(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (mayHoldAnEmail(segments[i])) {
                segments[i] = "-";
            }
        }
        return String.join("/", segments);
    }

    private static boolean mayHoldAnEmail(String raw) {
        return raw.indexOf('@') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%40");
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        String raw = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }

    /**
     * Percent-encodes what may not stand in a URL (spaces, quotes, {@code |}, non-ASCII…), as
     * browsers do for an address they display, keeping valid escapes; so what is stored is
     * always a well-formed URL, whatever was sent.
     */
    private static String safe(String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean validEscape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (allowed(b) || validEscape) {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static boolean allowed(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/?#[]".indexOf(c) >= 0;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
