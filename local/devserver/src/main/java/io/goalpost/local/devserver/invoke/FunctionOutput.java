package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** How the callers of a function read what it returned, whatever shape the handler chose. */
final class FunctionOutput {
    private FunctionOutput() {
    }

    /**
     * API Gateway's reading of payload format 2.0: a result with a {@code statusCode} is a
     * response; any other JSON is a 200 {@code application/json} body (a JSON string is the body
     * itself).
     */
    static APIGatewayV2HTTPResponse asHttpResponse(Object output) {
        if (output instanceof APIGatewayV2HTTPResponse response) {
            return response;
        }
        String json = asJson(output);
        Object tree;
        try {
            tree = json.isBlank() ? null : EventJson.read(json, (Type) Object.class);
            if (tree instanceof Map<?, ?> fields && fields.containsKey("statusCode")) {
                return EventJson.read(json, APIGatewayV2HTTPResponse.class);
            }
        } catch (RuntimeException e) {
            // API Gateway answers 500 to a result it cannot read; so do we, by throwing.
            throw new IllegalStateException("The function's result is not a payload 2.0 response", e);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(tree == null ? null : tree instanceof String text ? text : json)
                .build();
    }

    /** No result means the whole batch succeeded, as for Lambda's event source mapping. */
    static SQSBatchResponse asSqsBatchResponse(Object output) {
        if (output instanceof SQSBatchResponse response) {
            return response;
        }
        String json = asJson(output);
        if (json.isBlank() || json.equals("null")) {
            return new SQSBatchResponse(List.of());
        }
        return EventJson.read(json, SQSBatchResponse.class);
    }

    private static String asJson(Object output) {
        if (output == null) {
            return "";
        }
        if (output instanceof HandlerInstance.StreamOutput stream) {
            return stream.text();
        }
        return EventJson.writeString(output);
    }
}
