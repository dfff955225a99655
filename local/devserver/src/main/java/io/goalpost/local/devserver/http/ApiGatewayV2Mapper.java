package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway's HTTP API sends a Lambda integration (payload format 2.0) from a
 * request the dev server received.
 */
public final class ApiGatewayV2Mapper {
    /** The account AWS uses in its own examples, as the dev server has none. */
    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public ApiGatewayV2Mapper(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param body  the request body as received (empty when there is none)
     * @param match the route the request matched; its template gives {@code routeKey} and {@code pathParameters}
     */
    public APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] body, RouteMatch match) {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, String> headers = headers(exchange, sourceIp);
        List<String> cookies = cookies(exchange.getRequestHeaders().get("Cookie"));
        Instant now = clock.instant();
        String domainName = domainName(headers.get("host"), exchange);
        String contentType = headers.get("content-type");
        boolean text = isText(contentType);

        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.split("\\.", 2)[0])
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(exchange.getRequestMethod())
                        // Decoded here, while rawPath stays as sent: what HTTP APIs do.
                        .withPath(PathDecoding.decode(rawPath))
                        .withProtocol("HTTP/1.1")
                        .withSourceIp(sourceIp)
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .withRequestId(requestId())
                .withRouteKey(match.route().routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();

        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(rawQuery.isEmpty() ? null : queryParameters(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(context)
                .withBody(body.length == 0 ? null : text ? new String(body, charset(contentType)) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .build();
    }

    /** Lower-cased names, repeated headers joined with commas, cookies moved out, forwarding headers added. */
    private static Map<String, String> headers(HttpExchange exchange, String sourceIp) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie")) {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.merge("x-forwarded-for", sourceIp, (sent, ip) -> sent + ", " + ip);
        headers.putIfAbsent("x-forwarded-port", String.valueOf(exchange.getLocalAddress().getPort()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        return headers;
    }

    private static List<String> cookies(List<String> cookieHeaders) {
        List<String> cookies = new ArrayList<>();
        if (cookieHeaders != null) {
            for (String header : cookieHeaders) {
                for (String cookie : header.split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            }
        }
        return cookies;
    }

    /** Decoded as a form would be ({@code +} is a space); repeated names joined with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQueryPart(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQueryPart(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decodeQueryPart(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** API Gateway's domain names carry no port; the local Host header does. */
    private static String domainName(String host, HttpExchange exchange) {
        if (host == null || host.isBlank()) {
            return exchange.getLocalAddress().getHostString();
        }
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Bodies of these types reach the function as text; all others base64-encoded, as API Gateway does. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("text/")
                || mediaType.equals("application/json")
                || mediaType.endsWith("+json")
                || mediaType.equals("application/xml")
                || mediaType.endsWith("+xml")
                || mediaType.equals("application/javascript")
                || mediaType.equals("application/x-www-form-urlencoded");
    }

    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].replace("\"", "").trim());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Shaped like API Gateway's ids ({@code JKJaXmPLvHcESHA=}): 16 base64 characters. */
    private static String requestId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
