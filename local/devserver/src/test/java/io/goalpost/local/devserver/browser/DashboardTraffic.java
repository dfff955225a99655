package io.goalpost.local.devserver.browser;

import io.goalpost.local.template.LocalParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What reaches the dev server besides the dashboard while a marketer watches it: clicks on a
 * tracking link (from a desktop browser's user agent, so they count as human), signed sales from
 * a cart, and API calls that set up links the form does not need to.
 */
final class DashboardTraffic {

    static final String API_KEY = "gp_local_dev_key";
    static final String DESKTOP_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    private static final Pattern CLICK_ID = Pattern.compile("[?&]gp_cid=([A-Za-z0-9]+)");

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    DashboardTraffic(URI base) {
        this.base = base;
    }

    /** One click on the link, as a browser makes it; answers the click id the redirect minted. */
    String click(String slug) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/l/" + slug))
                .header("user-agent", DESKTOP_USER_AGENT).GET());
        String location = response.headers().firstValue("location")
                .orElseThrow(() -> new AssertionError("no redirect for " + slug + ": " + response.statusCode()));
        Matcher clickId = CLICK_ID.matcher(location);
        if (!clickId.find()) {
            throw new AssertionError("no gp_cid in " + location);
        }
        return clickId.group(1);
    }

    /** A sale signed as a cart signs it (Standard Webhooks), with a click id or none; answers the webhook's status. */
    int sale(String orderId, String productId, long amount, String currency, String clickId) {
        String body = """
                {"type": "sale", "orderId": "%s", "productId": "%s", "amount": %d, "currency": "%s",%s
                 "occurredAt": "%s"}""".formatted(orderId, productId, amount, currency,
                clickId == null ? "" : " \"clickId\": \"" + clickId + "\",", Instant.now());
        String webhookId = "msg_" + orderId;
        long timestamp = Instant.now().getEpochSecond();
        return send(HttpRequest.newBuilder(base.resolve("/webhooks/orders"))
                .header("content-type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", "v1," + signature(webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    HttpResponse<String> apiPost(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("authorization", "Bearer " + API_KEY)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** One page event as t.js sends it, from a desktop browser; answers the beacon's status. */
    int pageEvent(String json) {
        return send(HttpRequest.newBuilder(base.resolve("/e"))
                .header("content-type", "application/json").header("user-agent", DESKTOP_USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(json))).statusCode();
    }

    HttpResponse<String> apiGet(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("authorization", "Bearer " + API_KEY).GET());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static String signature(String webhookId, long timestamp, String body) {
        String secret = LocalParameters.localSecret("OrdersWebhookSecret");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
