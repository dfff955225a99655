package io.goalpost.core.click;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Location a click is sent to: the stored destination, the request's query merged in (the
 * destination's own parameters win on a name both carry), every {@code gp_cid}, {@code gp_vid}
 * and {@code gp_lt} dropped, and one fresh {@code gp_cid} appended before any fragment.
 *
 * <p>Parameters are copied as sent, not decoded and re-encoded, so what a landing page reads is
 * what the ad platform wrote. Characters that may not stand in a URL (spaces, quotes, CR/LF,
 * non-ASCII) are percent-encoded, so a request can never break the Location header or move text
 * into the fragment.
 */
final class TrackedLocation {

    private static final Set<String> OURS = Set.of("gp_cid", "gp_vid", "gp_lt");

    private TrackedLocation() {
    }

    static String of(String destination, String rawQuery, String clickId) {
        int hash = destination.indexOf('#');
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String beforeFragment = hash < 0 ? destination : destination.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String ownQuery = question < 0 ? "" : beforeFragment.substring(question + 1);

        List<String> parameters = new ArrayList<>();
        Set<String> ownNames = new HashSet<>();
        for (String parameter : parameters(ownQuery)) {
            ownNames.add(name(parameter));
            keepUnlessOurs(parameter, parameters);
        }
        for (String parameter : parameters(rawQuery)) {
            if (!ownNames.contains(name(parameter))) {
                keepUnlessOurs(safe(parameter), parameters);
            }
        }
        parameters.add("gp_cid=" + clickId);
        return base + "?" + String.join("&", parameters) + fragment;
    }

    /**
     * The first value of the named parameter in a raw query, decoded; null when absent or
     * malformed. Names are matched exactly: ours are lower case.
     */
    static String parameter(String rawQuery, String name) {
        for (String parameter : parameters(rawQuery)) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && name.equals(name(parameter))) {
                try {
                    return URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformedEscape) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void keepUnlessOurs(String parameter, List<String> kept) {
        if (!OURS.contains(name(parameter).toLowerCase(Locale.ROOT))) {
            kept.add(parameter);
        }
    }

    private static List<String> parameters(String query) {
        List<String> parameters = new ArrayList<>();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        return parameters;
    }

    /** The decoded name, so {@code utm%5Fsource} and {@code utm_source} are one parameter. */
    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        String raw = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }

    /** Percent-encodes what may not appear in a query; keeps valid escapes as they are. */
    private static String safe(String parameter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = parameter.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean validEscape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (allowedInQuery(b) || validEscape) {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static boolean allowedInQuery(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
