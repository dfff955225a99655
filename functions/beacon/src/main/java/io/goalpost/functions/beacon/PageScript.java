package io.goalpost.functions.beacon;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /t.js}: the page script. Its one source is the readable {@code t.js} beside this
 * class; it is served without whole-line comments, blank lines and indentation, which keeps it
 * under 1.5 KB gzipped without a JavaScript toolchain in the build. Line breaks stay, so the
 * served code means what the source says. The deployment's cookie domain is written in once.
 */
final class PageScript {

    static final String RESOURCE = "t.js";
    static final String COOKIE_DOMAIN_PLACEHOLDER = "__COOKIE_DOMAIN__";
    /** Browsers re-check every 5 minutes, so a fix reaches pages soon; the API is not hit per page view. */
    static final String CACHE_CONTROL = "public, max-age=300";
    private static final Pattern SAFE_DOMAIN = Pattern.compile("[a-z0-9.-]*");

    private final String source;

    /** @param cookieDomain a validated domain name, or empty (BeaconConfig checks it) */
    PageScript(String cookieDomain) {
        if (!SAFE_DOMAIN.matcher(cookieDomain).matches()) {
            throw new IllegalArgumentException("cookie domain must be a domain name");
        }
        this.source = served(readable()).replace(COOKIE_DOMAIN_PLACEHOLDER, cookieDomain);
    }

    String source() {
        return source;
    }

    APIGatewayV2HTTPResponse response() {
        return HttpResponses.withHeaders(200, Map.of(
                "content-type", "application/javascript; charset=utf-8",
                "cache-control", CACHE_CONTROL,
                "x-content-type-options", "nosniff"), source);
    }

    static String served(String readable) {
        return readable.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("//"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String readable() {
        try (InputStream in = PageScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
