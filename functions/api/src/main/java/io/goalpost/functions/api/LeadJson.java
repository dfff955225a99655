package io.goalpost.functions.api;

import static io.goalpost.functions.api.JsonBodies.bool;
import static io.goalpost.functions.api.JsonBodies.object;
import static io.goalpost.functions.api.JsonBodies.refuseUnknown;
import static io.goalpost.functions.api.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.LeadView;
import io.goalpost.core.lead.LogEntry;
import io.goalpost.core.lead.OptInRequest;
import java.util.Set;

/** The JSON of the lead routes: each field's type is checked here, its value by {@code Leads}. */
final class LeadJson {

    private static final Set<String> OPT_IN_FIELDS =
            Set.of("email", "gdprConsent", "visitorId", "clickId", "formId", "occurredAt");

    private final ObjectMapper mapper = new ObjectMapper();

    OptInRequest readOptIn(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, OPT_IN_FIELDS, "");
        String email = text(json, "email");
        if (email == null) {
            throw new BadRequest("email is required");
        }
        return new OptInRequest(email, bool(json, "gdprConsent"), text(json, "visitorId"), text(json, "clickId"),
                text(json, "formId"), text(json, "occurredAt"));
    }

    String readSearch(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, Set.of("email"), "");
        String email = text(json, "email");
        if (email == null) {
            throw new BadRequest("email is required");
        }
        return email;
    }

    Boolean readConsent(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, Set.of("gdprConsent"), "");
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
}
