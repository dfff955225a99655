package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.goalpost.local.devserver.invoke.FunctionInvocationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The template's HTTP API on a local port: each request is routed, turned into a payload 2.0
 * event for the route's function, and its response sent back, with the gateway's own answers
 * where API Gateway gives them (404 without a route, 413 over the payload limit, 500 when the
 * function fails, CORS preflights).
 */
public final class DevHttpServer implements AutoCloseable {
    /** API Gateway's request payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Beyond this an oversized body is not even drained: the connection is dropped. */
    private static final long DRAIN_LIMIT_BYTES = 8L * MAX_BODY_BYTES;
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final ApiGatewayV2Mapper mapper;
    private final CorsSettings cors;
    private final Consumer<String> requestLog;

    private DevHttpServer(HttpServer server, ExecutorService executor, Router router, ApiGatewayV2Mapper mapper,
                          CorsSettings cors, Consumer<String> requestLog) {
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.mapper = mapper;
        this.cors = cors;
        this.requestLog = requestLog;
    }

    /**
     * Starts serving; port 0 picks a free one (see {@link #port()}).
     *
     * @param cors the API's CORS configuration, or null when it declares none
     */
    public static DevHttpServer start(InetSocketAddress address, List<RouteBinding> routes, CorsSettings cors) {
        return start(address, routes, cors, Clock.systemUTC(), System.out::println);
    }

    /**
     * @param requestLog receives one line per request: method, path without the query, status,
     *                   milliseconds and function; never the query or the body, which may carry
     *                   ids and emails
     */
    public static DevHttpServer start(InetSocketAddress address, List<RouteBinding> routes, CorsSettings cors,
                                      Clock clock, Consumer<String> requestLog) {
        Router router = new Router(routes);
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        DevHttpServer devServer = new DevHttpServer(server, executor, router, new ApiGatewayV2Mapper(clock), cors,
                requestLog);
        server.createContext("/", devServer::serve);
        server.setExecutor(executor);
        server.start();
        return devServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>} */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String function = "-";
        int status = 500;
        try (exchange) {
            Headers request = exchange.getRequestHeaders();
            String origin = request.getFirst("Origin");
            Map<String, String> gatewayHeaders = new HashMap<>();
            if (cors != null) {
                if (CorsSettings.isPreflight(method, origin, request.getFirst("Access-Control-Request-Method"))) {
                    gatewayHeaders.putAll(cors.preflightHeaders(origin, request.getFirst("Access-Control-Request-Method"),
                            request.getFirst("Access-Control-Request-Headers")));
                    gatewayHeaders.forEach(exchange.getResponseHeaders()::set);
                    status = 204;
                    ApiGatewayV2ResponseWriter.send(exchange, status, new byte[0]);
                    return;
                }
                gatewayHeaders.putAll(cors.responseHeaders(origin));
            }
            Optional<byte[]> body = readBody(exchange);
            if (body.isEmpty()) {
                status = ApiGatewayV2ResponseWriter.writeGatewayError(exchange, 413, "Request Entity Too Large", gatewayHeaders);
                return;
            }
            Optional<RouteMatch> match = router.match(method, path);
            if (match.isEmpty()) {
                status = ApiGatewayV2ResponseWriter.writeGatewayError(exchange, 404, "Not Found", gatewayHeaders);
                return;
            }
            function = match.get().route().functionLogicalId();
            APIGatewayV2HTTPEvent event = mapper.toEvent(exchange, body.get(), match.get());
            gatewayHeaders.put("Apigw-Requestid", event.getRequestContext().getRequestId());
            status = invoke(exchange, match.get().route(), event, gatewayHeaders);
        } catch (IOException | RuntimeException e) {
            // The client went away, or the server itself failed: nothing more can be sent.
            logFailure(e);
        } finally {
            requestLog.accept(String.format(Locale.ROOT, "%s %s %d %d ms %s",
                    method, path, status, (System.nanoTime() - started) / 1_000_000, function));
        }
    }

    private static int invoke(HttpExchange exchange, RouteBinding route, APIGatewayV2HTTPEvent event,
                              Map<String, String> gatewayHeaders) throws IOException {
        APIGatewayV2HTTPResponse response;
        try {
            response = route.target().apply(event);
            if (response == null) {
                throw new IllegalStateException(route.functionLogicalId() + " returned no response");
            }
            return ApiGatewayV2ResponseWriter.write(exchange, response, gatewayHeaders);
        } catch (RuntimeException e) {
            if (!(e instanceof FunctionInvocationException)) {
                // A function failure is already in the function's log; anything else is not.
                logFailure(e);
            }
            exchange.getResponseHeaders().clear();
            return ApiGatewayV2ResponseWriter.writeGatewayError(exchange, 500, "Internal Server Error", gatewayHeaders);
        }
    }

    /**
     * The body, or empty when it is over API Gateway's limit. An oversized body is still read
     * (up to a bound) and thrown away, so the client, still sending, gets the 413 rather than
     * a reset connection.
     */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            for (int read; total <= DRAIN_LIMIT_BYTES && (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total <= MAX_BODY_BYTES) {
                    body.write(buffer, 0, read);
                }
            }
        }
        return total > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body.toByteArray());
    }

    private static void logFailure(Exception e) {
        System.err.println("dev server: request failed");
        e.printStackTrace();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "dev-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
