package io.goalpost.local.devserver.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for end-to-end tests: redirects are not followed. */
final class Http {

  static final String API_KEY = "gp_local_dev_key";

  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> head(String path) {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(request(path, headers).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> apiGet(String path) {
    return get(path, "authorization", "Bearer " + API_KEY);
  }

  HttpResponse<String> apiPost(String path, String json) {
    return postJson(path, json, "authorization", "Bearer " + API_KEY);
  }

  HttpResponse<String> apiPatch(String path, String json) {
    return send(request(path, "authorization", "Bearer " + API_KEY, "content-type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> apiDelete(String path) {
    return send(request(path, "authorization", "Bearer " + API_KEY).DELETE());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
