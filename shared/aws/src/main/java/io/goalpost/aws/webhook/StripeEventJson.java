package io.goalpost.aws.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.payment.StripeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /webhooks/stripe}: a Stripe snapshot event. Reading checks only
 * shape and types (the domain checks values), and — unlike the orders webhook — ignores fields it
 * does not know: Stripe adds fields within an API version. {@code data.object} is read by its own
 * {@code object} name; paths in messages are Stripe's, so they can be found in its dashboard.
 */
public final class StripeEventJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public StripeEvent read(byte[] body) throws MalformedBody {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException malformed) {
            throw new MalformedBody("body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedBody("body must be a JSON object");
        }
        String kind = text(json, "object", "object");
        if (kind != null && !kind.equals("event")) {
            // A thin event ("v2.core.event") holds no object to map: the endpoint must send snapshots.
            throw new MalformedBody("object must be \"event\": Goalpost reads snapshot events, not thin events");
        }
        JsonNode data = json.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new MalformedBody("data must be an object");
        }
        return new StripeEvent(text(json, "id", "id"), text(json, "type", "type"),
                text(json, "api_version", "api_version"), integer(json, "created", "created"),
                object(data == null ? null : data.get("object"), data));
    }

    private static StripeEvent.StripeObject object(JsonNode object, JsonNode data) throws MalformedBody {
        if (object == null || object.isNull()) {
            return new StripeEvent.Unread();
        }
        if (!object.isObject()) {
            throw new MalformedBody("data.object must be an object");
        }
        String kind = text(object, "object", "data.object.object");
        if ("checkout.session".equals(kind)) {
            return new StripeEvent.CheckoutSession(text(object, "id", "data.object.id"),
                    text(object, "payment_status", "data.object.payment_status"),
                    integer(object, "amount_total", "data.object.amount_total"),
                    text(object, "currency", "data.object.currency"),
                    text(child(object, "customer_details", "data.object.customer_details"), "email",
                            "data.object.customer_details.email"),
                    text(object, "client_reference_id", "data.object.client_reference_id"),
                    metadata(object, "data.object"), text(object, "subscription", "data.object.subscription"),
                    text(object, "payment_intent", "data.object.payment_intent"));
        }
        if ("invoice".equals(kind)) {
            JsonNode subscription = child(child(object, "parent", "data.object.parent"), "subscription_details",
                    "data.object.parent.subscription_details");
            String path = "data.object.parent.subscription_details";
            return new StripeEvent.Invoice(text(object, "id", "data.object.id"),
                    text(object, "billing_reason", "data.object.billing_reason"),
                    integer(object, "amount_paid", "data.object.amount_paid"),
                    text(object, "currency", "data.object.currency"),
                    text(object, "customer_email", "data.object.customer_email"),
                    text(subscription, "subscription", path + ".subscription"), metadata(subscription, path),
                    lineMetadata(object));
        }
        if ("charge".equals(kind)) {
            return new StripeEvent.Charge(text(object, "id", "data.object.id"),
                    text(object, "payment_intent", "data.object.payment_intent"),
                    integer(object, "amount_refunded", "data.object.amount_refunded"),
                    integer(child(data, "previous_attributes", "data.previous_attributes"), "amount_refunded",
                            "data.previous_attributes.amount_refunded"),
                    text(object, "currency", "data.object.currency"), metadata(object, "data.object"));
        }
        return new StripeEvent.Unread();
    }

    private static List<Map<String, String>> lineMetadata(JsonNode invoice) throws MalformedBody {
        JsonNode list = child(invoice, "lines", "data.object.lines");
        JsonNode lines = list == null ? null : list.get("data");
        if (lines == null || lines.isNull()) {
            return List.of();
        }
        if (!lines.isArray()) {
            throw new MalformedBody("data.object.lines.data must be an array");
        }
        List<Map<String, String>> metadata = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String path = "data.object.lines.data[" + i + "]";
            if (!lines.get(i).isObject()) {
                throw new MalformedBody(path + " must be an object");
            }
            metadata.add(metadata(lines.get(i), path));
        }
        return metadata;
    }

    /** Stripe metadata: an object of strings; absent or null reads as empty. */
    private static Map<String, String> metadata(JsonNode owner, String path) throws MalformedBody {
        JsonNode metadata = owner == null ? null : owner.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw new MalformedBody(path + ".metadata must be an object of strings");
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new MalformedBody(path + ".metadata must be an object of strings");
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return values;
    }

    /** An object field, or null when the owner or the field is absent or JSON null. */
    private static JsonNode child(JsonNode owner, String field, String path) throws MalformedBody {
        JsonNode value = owner == null ? null : owner.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new MalformedBody(path + " must be an object");
        }
        return value;
    }

    /** A string, or null when the owner or the field is absent or JSON null. */
    private static String text(JsonNode owner, String field, String path) throws MalformedBody {
        JsonNode value = owner == null ? null : owner.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            // Expanded objects ({"id": …}) are what an integration asks for with expand[]; webhooks
            // never expand, so an object here is not a Stripe event of any version.
            throw new MalformedBody(path + " must be a string");
        }
        return value.textValue();
    }

    private static Long integer(JsonNode owner, String field, String path) throws MalformedBody {
        JsonNode value = owner == null ? null : owner.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedBody(path + " must be an integer");
        }
        return value.longValue();
    }
}
