package io.goalpost.local.devserver.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A user's own site, for the browser tests: the pages under {@code src/test/resources/browser/}
 * served on a free port of {@code localhost}, a different origin from the dev server (so the
 * beacon is cross-origin, as it is in production). {@code {{GOALPOST}}} in a page becomes the dev
 * server's base URL, where the page loads {@code t.js} from.
 */
final class LandingPages implements AutoCloseable {

    private final HttpServer server;
    private final URI base;

    private LandingPages(HttpServer server) {
        this.server = server;
        this.base = URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    static LandingPages start(URI goalpost) {
        String goalpostBase = goalpost.toString().replaceAll("/$", "");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> serve(exchange, goalpostBase));
            server.start();
            return new LandingPages(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a page, e.g. {@code url("landing.html?utm_source=newsletter")}. */
    String url(String page) {
        return base.resolve(page).toString();
    }

    String origin() {
        return base.toString().replaceAll("/$", "");
    }

    private static void serve(HttpExchange exchange, String goalpostBase) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            InputStream page = name.matches("[a-z-]+\\.html")
                    ? LandingPages.class.getResourceAsStream("/browser/" + name) : null;
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (page) {
                body = new String(page.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("{{GOALPOST}}", goalpostBase).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("cache-control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
