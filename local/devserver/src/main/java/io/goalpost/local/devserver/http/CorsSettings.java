package io.goalpost.local.devserver.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: the gateway answers
 * preflight requests itself and adds the CORS headers to the functions' responses, replacing any
 * the functions set. A request from an origin not allowed gets no CORS headers at all, so the
 * browser refuses it.
 *
 * @param allowOrigins  exact origins ({@code https://shop.example}) or {@code *}
 * @param allowMethods  methods, or {@code *}
 * @param allowHeaders  request headers, or {@code *}
 * @param maxAgeSeconds how long browsers may cache a preflight; null to leave it to them
 */
public record CorsSettings(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                           List<String> exposeHeaders, boolean allowCredentials, Integer maxAgeSeconds) {
    public CorsSettings {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    public CorsSettings(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                        Integer maxAgeSeconds) {
        this(allowOrigins, allowMethods, allowHeaders, List.of(), false, maxAgeSeconds);
    }

    /** A CORS preflight: an OPTIONS request naming the method it is asking about. */
    public static boolean isPreflight(String method, String origin, String requestedMethod) {
        return method.equals("OPTIONS") && origin != null && requestedMethod != null;
    }

    /** The headers of the gateway's answer to a preflight; empty when the request is not allowed. */
    public Map<String, String> preflightHeaders(String origin, String requestedMethod, String requestedHeaders) {
        Optional<String> allowedOrigin = allowedOrigin(origin);
        List<String> headers = requestedHeaders == null || requestedHeaders.isBlank() ? List.of()
                : Arrays.stream(requestedHeaders.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        if (allowedOrigin.isEmpty() || !allows(allowMethods, requestedMethod)
                || !headers.stream().allMatch(header -> allows(allowHeaders, header))) {
            return Map.of();
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Access-Control-Allow-Origin", allowedOrigin.get());
        answer.put("Access-Control-Allow-Methods",
                allowMethods.contains("*") ? requestedMethod : String.join(",", allowMethods));
        if (!headers.isEmpty()) {
            answer.put("Access-Control-Allow-Headers",
                    allowHeaders.contains("*") ? String.join(",", headers) : String.join(",", allowHeaders));
        }
        if (maxAgeSeconds != null) {
            answer.put("Access-Control-Max-Age", String.valueOf(maxAgeSeconds));
        }
        credentialsAndVary(answer);
        return answer;
    }

    /** The CORS headers added to a function's response; empty when the origin is not allowed. */
    public Map<String, String> responseHeaders(String origin) {
        Optional<String> allowedOrigin = allowedOrigin(origin);
        if (allowedOrigin.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", allowedOrigin.get());
        if (!exposeHeaders.isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        credentialsAndVary(headers);
        return headers;
    }

    private Optional<String> allowedOrigin(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        if (allowOrigins.contains("*") && !allowCredentials) {
            return Optional.of("*");
        }
        boolean listed = allowOrigins.contains("*")
                || allowOrigins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
        return listed ? Optional.of(origin) : Optional.empty();
    }

    private void credentialsAndVary(Map<String, String> headers) {
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!"*".equals(headers.get("Access-Control-Allow-Origin"))) {
            // The answer depends on the Origin: caches must not hand it to another origin.
            headers.put("Vary", "Origin");
        }
    }

    private static boolean allows(List<String> allowed, String value) {
        return allowed.contains("*") || allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value.trim()));
    }
}
