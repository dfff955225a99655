package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * JSON request bodies, read the same way on every route: the content type and size checked, one
 * object with no duplicate keys and nothing after it, no field the route does not know, and each
 * field's JSON type checked (the domain checks values). Every refusal is a {@link BadRequest}
 * naming the field, so the routes' 4xx reasons cannot drift apart.
 */
final class JsonBodies {

    static final int MAX_BODY_BYTES = 16 * 1024;
    /** An unknown field's name is the sender's text: echo no more than this of it. */
    private static final int MAX_ECHOED_NAME = 64;

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    static byte[] of(APIGatewayV2HTTPEvent event) throws BadRequest {
        if (!HttpRequests.hasContentType(event, "application/json")) {
            throw new BadRequest(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "content-type must be application/json");
        }
        byte[] body;
        try {
            body = HttpRequests.body(event);
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequest("body is flagged as base64 but is not");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequest(ErrorCode.PAYLOAD_TOO_LARGE, "body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    static JsonNode object(byte[] body) throws BadRequest {
        JsonNode json;
        try {
            json = READER.readTree(body);
        } catch (IOException malformed) {
            throw new BadRequest("body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        return json;
    }

    /** @param prefix how the object's fields are named in the reason, such as {@code "goal."} */
    static void refuseUnknown(JsonNode object, Set<String> known, String prefix) throws BadRequest {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String shown = name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "…" : name;
                throw new BadRequest("unknown field \"" + prefix + shown + "\"");
            }
        }
    }

    /** A string, or null when absent or JSON null. */
    static String text(JsonNode object, String field) throws BadRequest {
        return text(object, field, field);
    }

    /** The same, naming the field {@code shownAs} in the reason (a nested one, such as {@code goal.type}). */
    static String text(JsonNode object, String field, String shownAs) throws BadRequest {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest(shownAs + " must be a string");
        }
        return value.textValue();
    }

    /** An integer, or null when absent or JSON null; one beyond {@code int} reads as {@code Integer.MAX_VALUE}. */
    static Integer integer(JsonNode object, String field) throws BadRequest {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new BadRequest(field + " must be an integer");
        }
        // Far outside any valid value: let the domain's range check say so.
        return value.canConvertToInt() ? value.intValue() : Integer.MAX_VALUE;
    }

    /** A boolean, or null when absent or JSON null. */
    static Boolean bool(JsonNode object, String field) throws BadRequest {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new BadRequest(field + " must be true or false");
        }
        return value.booleanValue();
    }
}
