package io.goalpost.aws.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.payment.NewOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the body of {@code POST /webhooks/orders} (SPEC §3 Payments). Reading checks only shape
 * and types (the domain checks values), and refuses fields it does not know: a cart that sends
 * {@code "click_id"} learns at once, instead of every sale silently losing its click.
 */
public final class OrderWebhookJson {

    private static final Set<String> FIELDS = Set.of("type", "orderId", "paymentId", "productId", "amount",
            "currency", "email", "visitorId", "clickId", "occurredAt");
    private static final int MAX_ECHOED_NAME = 64;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // The number as written: 49.00 must reach the rules as 49.00, not as 49.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    public NewOrder read(byte[] body) throws MalformedBody {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException malformed) {
            throw new MalformedBody("body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedBody("body must be a JSON object");
        }
        refuseUnknown(json);
        return new NewOrder(text(json, "type"), text(json, "orderId"), text(json, "paymentId"),
                text(json, "productId"), number(json, "amount"), text(json, "currency"), text(json, "email"),
                text(json, "visitorId"), text(json, "clickId"), text(json, "occurredAt"));
    }

    private static void refuseUnknown(JsonNode object) throws MalformedBody {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                String shown = name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "…" : name;
                throw new MalformedBody("unknown field \"" + shown + "\"");
            }
        }
    }

    /** A string, or null when absent or JSON null. */
    private static String text(JsonNode object, String field) throws MalformedBody {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedBody(field + " must be a string");
        }
        return value.textValue();
    }

    private static BigDecimal number(JsonNode object, String field) throws MalformedBody {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new MalformedBody(field + " must be a number (an integer in minor units, such as 4900)");
        }
        return value.decimalValue();
    }
}
