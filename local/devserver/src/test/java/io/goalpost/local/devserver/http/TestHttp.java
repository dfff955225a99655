package io.goalpost.local.devserver.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client that, like a test of a redirect must, never follows redirects. */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {
    }

    public static HttpRequest.Builder request(DevHttpServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(DevHttpServer server, String pathAndQuery) {
        return send(request(server, pathAndQuery).GET());
    }
}
