package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One route of the template's HTTP API bound to the function that serves it.
 *
 * @param method       {@code GET}, {@code HEAD}, … or {@code ANY}
 * @param pathTemplate {@code /l/{slug}}, {@code /files/{proxy+}}, or {@code $default} (the catch-all route)
 * @param target       usually {@code lambdaFunction::invokeHttp}; what it throws becomes a 500
 */
public record RouteBinding(String method, String pathTemplate, String functionLogicalId,
                           Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> target) {
    public static final String DEFAULT_ROUTE = "$default";

    public RouteBinding {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(target, "target");
        if (!pathTemplate.startsWith("/") && !isDefaultRoute(pathTemplate)) {
            throw new IllegalArgumentException("Route path must start with '/' or be $default: " + pathTemplate);
        }
    }

    /** API Gateway's route key: {@code GET /l/{slug}}, or {@code $default}. */
    public String routeKey() {
        return isDefaultRoute(pathTemplate) ? DEFAULT_ROUTE : method + " " + pathTemplate;
    }

    boolean isDefaultRoute() {
        return isDefaultRoute(pathTemplate);
    }

    private static boolean isDefaultRoute(String pathTemplate) {
        return pathTemplate.equals(DEFAULT_ROUTE);
    }
}
