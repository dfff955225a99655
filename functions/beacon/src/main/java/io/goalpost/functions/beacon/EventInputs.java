package io.goalpost.functions.beacon;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.core.beacon.Beacon;
import io.goalpost.core.beacon.DropReason;
import io.goalpost.core.beacon.PageEventFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the fields of a page event from a request: a JSON object in the body of {@code POST /e}
 * ({@code application/json}, or {@code text/plain} as {@code navigator.sendBeacon} sends it), or
 * the query of {@code GET /e.gif}. Fields it does not know are ignored, so a newer t.js still
 * cached in a browser works against an older function; none of them is ever acted on.
 */
final class EventInputs {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventInputs() {
    }

    static EventInput fromBody(APIGatewayV2HTTPEvent event) {
        if (!HttpRequests.hasContentType(event, "application/json") && !HttpRequests.hasContentType(event, "text/plain")) {
            return new EventInput.Unreadable(DropReason.UNSUPPORTED_MEDIA_TYPE,
                    "send the event as application/json or text/plain");
        }
        byte[] body;
        try {
            body = HttpRequests.body(event);
        } catch (IllegalArgumentException notBase64) {
            return invalid("the body is not valid base64");
        }
        if (body.length > Beacon.MAX_BODY_BYTES) {
            return new EventInput.Unreadable(DropReason.TOO_LARGE,
                    "an event is at most " + Beacon.MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException malformed) {
            return invalid("the body is not well-formed JSON");
        } catch (IOException unreadable) {
            return invalid("the body could not be read");
        }
        if (json == null || !json.isObject()) {
            return invalid("the body must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        for (String name : PageEventFields.NAMES) {
            JsonNode value = json.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    return invalid(name + " must be a string");
                }
                values.put(name, value.textValue());
            }
        }
        return new EventInput.Fields(fields(values));
    }

    /** API Gateway has decoded the query already (a repeated name arrives joined with commas). */
    static EventInput fromQuery(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return new EventInput.Fields(fields(query));
    }

    private static PageEventFields fields(Map<String, String> values) {
        return new PageEventFields(values.get("type"), values.get("url"), values.get("referrer"),
                values.get("visitorId"), values.get("clickId"), values.get("consent"), values.get("formId"),
                values.get("productId"), values.get("eventId"));
    }

    private static EventInput invalid(String message) {
        return new EventInput.Unreadable(DropReason.INVALID, message);
    }
}
