package io.goalpost.functions.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.LeadView;
import io.goalpost.core.lead.LogEntry;
import io.goalpost.core.lead.OptInRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/** The JSON of the lead routes: each field's type is checked here, its value by {@code Leads}. */
final class LeadJson {

    private static final Set<String> OPT_IN_FIELDS =
            Set.of("email", "gdprConsent", "visitorId", "clickId", "formId", "occurredAt");
    private static final int MAX_ECHOED_NAME = 64;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    OptInRequest readOptIn(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, OPT_IN_FIELDS);
        String email = text(json, "email");
        if (email == null) {
            throw new BadRequest("email is required");
        }
        return new OptInRequest(email, bool(json, "gdprConsent"), text(json, "visitorId"), text(json, "clickId"),
                text(json, "formId"), text(json, "occurredAt"));
    }

    String readSearch(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, Set.of("email"));
        String email = text(json, "email");
        if (email == null) {
            throw new BadRequest("email is required");
        }
        return email;
    }

    Boolean readConsent(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, Set.of("gdprConsent"));
        Boolean consent = bool(json, "gdprConsent");
        if (consent == null) {
            throw new BadRequest("gdprConsent is required (true or false)");
        }
        return consent;
    }

    /**
     * The lead with its verified visitor ids, consent history and log. The email is shown: the
     * caller holds an API key and asked for this person.
     */
    JsonNode write(LeadView view) {
        ObjectNode json = mapper.createObjectNode()
                .put("leadId", view.lead().leadId())
                .put("email", view.lead().email())
                .put("createdAt", view.lead().createdAt().toString());
        boolean current = false;
        ArrayNode consent = json.putArray("consent");
        for (ConsentChange change : view.consent()) {
            consent.addObject().put("gdprConsent", change.gdprConsent()).put("at", change.at().toString())
                    .put("source", change.source());
            current = change.gdprConsent();
        }
        json.put("gdprConsent", current);
        ArrayNode visitors = json.putArray("visitorIds");
        for (Join join : view.joins()) {
            visitors.add(join.visitorId());
        }
        ArrayNode log = json.putArray("log");
        for (LogEntry entry : view.log()) {
            ObjectNode item = log.addObject().put("type", entry.type()).put("at", entry.at().toString());
            putIfPresent(item, "slug", entry.slug());
            putIfPresent(item, "url", entry.url());
            putIfPresent(item, "formId", entry.formId());
            putIfPresent(item, "productId", entry.productId());
            if ("payment".equals(entry.type())) {
                item.put("orderId", entry.id()).put("amount", entry.amount()).put("currency", entry.currency());
            }
        }
        return json;
    }

    JsonNode writeUrl(String url, String leadId, String slug) {
        return mapper.createObjectNode().put("url", url).put("leadId", leadId).put("slug", slug);
    }

    JsonNode writeErasing(String leadId) {
        return mapper.createObjectNode().put("leadId", leadId).put("status", "erasing");
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private JsonNode object(byte[] body) throws BadRequest {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException malformed) {
            throw new BadRequest("body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        return json;
    }

    private static void refuseUnknown(JsonNode object, Set<String> known) throws BadRequest {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String shown = name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "…" : name;
                throw new BadRequest("unknown field \"" + shown + "\"");
            }
        }
    }

    private static String text(JsonNode object, String field) throws BadRequest {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest(field + " must be a string");
        }
        return value.textValue();
    }

    private static Boolean bool(JsonNode object, String field) throws BadRequest {
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
