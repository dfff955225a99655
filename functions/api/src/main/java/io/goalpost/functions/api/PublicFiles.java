package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The routes that answer without an API key: the dashboard's page and files, and the OpenAPI
 * document (docs/decisions/008-dashboard.md says why it is public). Files come from the jar only:
 * a name is one path segment of plain characters with a known extension, looked up under one
 * folder, so nothing outside it can be named.
 */
final class PublicFiles {

    static final String PAGE_ROUTE = "GET /";
    static final String ASSET_ROUTE = "GET /assets/{file}";
    static final String OPENAPI_ROUTE = "GET /api/openapi.json";
    static final Set<String> ROUTES = Set.of(PAGE_ROUTE, ASSET_ROUTE, OPENAPI_ROUTE);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";
    /** Files are not fingerprinted, so browsers revalidate each time and get a 304 while the ETag holds. */
    static final String CACHE_CONTROL = "no-cache";

    private static final String ASSETS = "dashboard/";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    /** Files found so far; a miss is not kept, so requests for made-up names cannot grow it. */
    private final Map<String, StaticFile> loaded = new ConcurrentHashMap<>();

    static boolean serves(String route) {
        return route != null && ROUTES.contains(route);
    }

    APIGatewayV2HTTPResponse answer(String route, APIGatewayV2HTTPEvent event) {
        Optional<StaticFile> file = switch (route) {
            case PAGE_ROUTE -> file(ASSETS + "index.html");
            case OPENAPI_ROUTE -> file("openapi.json");
            default -> HttpRequests.pathParameter(event, "file")
                    .filter(name -> FILE_NAME.matcher(name).matches())
                    .flatMap(name -> file(ASSETS + name));
        };
        return file.map(found -> response(found, event))
                .orElseGet(() -> HttpResponses.error(ErrorCode.NOT_FOUND, "no such file"));
    }

    private static APIGatewayV2HTTPResponse response(StaticFile file, APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = Map.of(
                "content-type", file.contentType(),
                "content-security-policy", CONTENT_SECURITY_POLICY,
                "x-content-type-options", "nosniff",
                "referrer-policy", "no-referrer",
                "cache-control", CACHE_CONTROL,
                "etag", file.etag());
        boolean unchanged = HttpRequests.header(event, "if-none-match")
                .filter(tags -> Set.of(tags.split("\\s*,\\s*")).contains(file.etag()))
                .isPresent();
        return HttpResponses.withHeaders(unchanged ? 304 : 200, headers, unchanged ? "" : file.body());
    }

    private Optional<StaticFile> file(String path) {
        StaticFile known = loaded.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StaticFile> found = read(path);
        found.ifPresent(file -> loaded.put(path, file));
        return found;
    }

    private static Optional<StaticFile> read(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String contentType = CONTENT_TYPES.get(extension);
        if (contentType == null) {
            return Optional.empty();
        }
        try (InputStream in = PublicFiles.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(StaticFile.of(contentType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
