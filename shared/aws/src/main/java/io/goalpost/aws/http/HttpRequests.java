package io.goalpost.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading API Gateway HTTP API (payload 2.0) requests. */
public final class HttpRequests {

    private HttpRequests() {
    }

    /** API Gateway lower-cases header names; other callers may not, so the lookup ignores case. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String exact = headers.get(name.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        return headers.entrySet().stream()
                .filter(header -> header.getKey() != null && header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * The first value of a cookie. Payload 2.0 carries cookies in {@code cookies} ("name=value"
     * each); a {@code cookie} header is read too, for callers that leave them there.
     */
    public static Optional<String> cookie(APIGatewayV2HTTPEvent event, String name) {
        List<String> cookies = event.getCookies();
        if (cookies != null) {
            for (String cookie : cookies) {
                Optional<String> value = valueOf(cookie, name);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return header(event, "cookie").flatMap(header -> {
            for (String cookie : header.split(";")) {
                Optional<String> value = valueOf(cookie, name);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<String> valueOf(String cookie, String name) {
        int equals = cookie.indexOf('=');
        if (equals < 0 || !cookie.substring(0, equals).trim().equals(name)) {
            return Optional.empty();
        }
        String value = cookie.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(value);
    }

    /**
     * The body's bytes (empty when there is none), decoded when API Gateway base64-encoded it.
     *
     * @throws IllegalArgumentException when a body flagged as base64 is not
     */
    public static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The bearer token of the {@code authorization} header, if it has one. */
    public static Optional<String> bearerToken(APIGatewayV2HTTPEvent event) {
        return header(event, "authorization")
                .map(String::trim)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(token -> !token.isEmpty());
    }

    /** Whether the media type (parameters such as charset aside) is the one given. */
    public static boolean hasContentType(APIGatewayV2HTTPEvent event, String mediaType) {
        return header(event, "content-type")
                .map(value -> value.split(";", 2)[0].trim())
                .filter(type -> type.equalsIgnoreCase(mediaType))
                .isPresent();
    }

    public static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "" : event.getRequestContext().getHttp().getMethod();
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get(name));
    }
}
