package io.goalpost.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/** Building API Gateway HTTP API (payload 2.0) responses. */
public final class HttpResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    /** JSON, never cached, never sniffed as anything else (so nothing echoed can run as HTML). */
    public static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body.toString())
                .withIsBase64Encoded(false)
                .build();
    }

    /** The SPEC §4 error shape: {@code {"error": "<code>", "message": "<human text>"}}. */
    public static APIGatewayV2HTTPResponse error(ErrorCode code, String message) {
        return error(code, message, Map.of());
    }

    public static APIGatewayV2HTTPResponse error(ErrorCode code, String message, Map<String, String> extraHeaders) {
        return json(code.status(), MAPPER.createObjectNode().put("error", code.code()).put("message", message), extraHeaders);
    }

    public static APIGatewayV2HTTPResponse withHeaders(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(new HashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
