package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Sends a function's payload 2.0 response to the client, as API Gateway's HTTP API does. */
public final class ApiGatewayV2ResponseWriter {
    private ApiGatewayV2ResponseWriter() {
    }

    /**
     * @param gatewayHeaders headers the gateway itself sets (CORS, request id); they replace the function's
     * @return the status sent
     */
    public static int write(HttpExchange exchange, APIGatewayV2HTTPResponse response,
                            Map<String, String> gatewayHeaders) throws IOException {
        // A missing statusCode arrives as 0; API Gateway reads a response without one as a 200.
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        byte[] body = body(response);
        Headers headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.add(name, value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        }
        for (String cookie : response.getCookies() == null ? List.<String>of() : response.getCookies()) {
            headers.add("Set-Cookie", cookie);
        }
        gatewayHeaders.forEach(headers::set);
        send(exchange, status, body);
        return status;
    }

    /** A response the gateway writes itself, like {@code {"message":"Not Found"}}. */
    public static int writeGatewayError(HttpExchange exchange, int status, String message,
                                        Map<String, String> gatewayHeaders) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        gatewayHeaders.forEach(headers::set);
        send(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
        return status;
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean bodiless = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304 || status < 200;
        if (bodiless || body.length == 0) {
            // -1: no body at all, so not even a chunked terminator is written.
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        if (response.getIsBase64Encoded()) {
            return Base64.getDecoder().decode(response.getBody());
        }
        return response.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
