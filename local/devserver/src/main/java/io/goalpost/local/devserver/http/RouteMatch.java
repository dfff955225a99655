package io.goalpost.local.devserver.http;

import java.util.Map;

/** The route chosen for a request, with its path parameters decoded (empty when it has none). */
public record RouteMatch(RouteBinding route, Map<String, String> pathParameters) {
    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
