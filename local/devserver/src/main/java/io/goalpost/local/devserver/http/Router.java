package io.goalpost.local.devserver.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the route for a request as an HTTP API does: the most specific match wins (a literal
 * segment over {@code {param}}, {@code {param}} over greedy {@code {proxy+}}, a named method
 * over {@code ANY}), and {@code $default} catches the rest. {@code HEAD} is not {@code GET}:
 * only a {@code HEAD} or {@code ANY} route takes it, as in API Gateway.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();
    private final RouteBinding defaultRoute;

    public Router(List<RouteBinding> bindings) {
        RouteBinding fallback = null;
        for (RouteBinding binding : bindings) {
            if (binding.isDefaultRoute()) {
                fallback = binding;
            } else {
                routes.add(Route.parse(binding));
            }
        }
        this.defaultRoute = fallback;
    }

    /**
     * @param rawPath the path as sent, still percent-encoded
     */
    public Optional<RouteMatch> match(String method, String rawPath) {
        String[] segments = splitPath(rawPath);
        Optional<Candidate> best = routes.stream()
                .filter(route -> route.binding.method().equals(method) || route.binding.method().equals("ANY"))
                .flatMap(route -> route.match(segments).stream())
                .min(Candidate.MOST_SPECIFIC_FIRST);
        if (best.isPresent()) {
            return Optional.of(new RouteMatch(best.get().route.binding, best.get().pathParameters));
        }
        return Optional.ofNullable(defaultRoute).map(route -> new RouteMatch(route, Map.of()));
    }

    private static String[] splitPath(String path) {
        return path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    }

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
        static Segment parse(String text) {
            if (text.startsWith("{") && text.endsWith("+}")) {
                return new Segment(Kind.GREEDY, text.substring(1, text.length() - 2));
            }
            if (text.startsWith("{") && text.endsWith("}")) {
                return new Segment(Kind.PARAMETER, text.substring(1, text.length() - 1));
            }
            return new Segment(Kind.LITERAL, text);
        }
    }

    private record Route(RouteBinding binding, List<Segment> segments) {
        static Route parse(RouteBinding binding) {
            List<Segment> segments = Arrays.stream(splitPath(binding.pathTemplate())).map(Segment::parse).toList();
            for (int i = 0; i < segments.size() - 1; i++) {
                if (segments.get(i).kind == Kind.GREEDY) {
                    throw new IllegalArgumentException("A greedy path variable must come last: " + binding.routeKey());
                }
            }
            return new Route(binding, segments);
        }

        Optional<Candidate> match(String[] path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind == Kind.GREEDY) {
                    String rest = String.join("/", Arrays.copyOfRange(path, Math.min(i, path.length), path.length));
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.text, PathDecoding.decode(rest));
                    return Optional.of(new Candidate(this, parameters));
                }
                if (i >= path.length) {
                    return Optional.empty();
                }
                String value = PathDecoding.decode(path[i]);
                if (segment.kind == Kind.LITERAL ? !segment.text.equals(value) : value.isEmpty()) {
                    return Optional.empty();
                }
                if (segment.kind == Kind.PARAMETER) {
                    parameters.put(segment.text, value);
                }
            }
            return segments.size() == path.length ? Optional.of(new Candidate(this, parameters)) : Optional.empty();
        }
    }

    private record Candidate(Route route, Map<String, String> pathParameters) {
        static final Comparator<Candidate> MOST_SPECIFIC_FIRST = Candidate::compareSpecificity;

        private static int compareSpecificity(Candidate a, Candidate b) {
            List<Segment> left = a.route.segments;
            List<Segment> right = b.route.segments;
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                int byKind = left.get(i).kind.compareTo(right.get(i).kind);
                if (byKind != 0) {
                    return byKind;
                }
            }
            return Boolean.compare(a.route.binding.method().equals("ANY"), b.route.binding.method().equals("ANY"));
        }
    }
}
