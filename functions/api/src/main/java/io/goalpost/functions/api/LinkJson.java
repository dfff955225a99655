package io.goalpost.functions.api;

import static io.goalpost.functions.api.JsonBodies.bool;
import static io.goalpost.functions.api.JsonBodies.integer;
import static io.goalpost.functions.api.JsonBodies.object;
import static io.goalpost.functions.api.JsonBodies.refuseUnknown;
import static io.goalpost.functions.api.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkChange;
import io.goalpost.core.link.NewLink;
import io.goalpost.core.link.NewLink.NewGoal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON of links on the API (SPEC §4 names). Reading checks only shape and types (the domain
 * checks values), and refuses fields it does not know, so a typo such as {@code "chanel"} is an
 * error rather than a silently ignored setting.
 */
final class LinkJson {

    private static final Set<String> LINK_FIELDS = Set.of(
            "name", "destination", "channel", "campaign", "slug", "goal", "attributionWindowDays", "countRebills");
    private static final Set<String> GOAL_FIELDS = Set.of("type", "formId", "pageUrl", "productId");
    private static final Set<String> CHANGEABLE_FIELDS = Set.of("name", "destination", "channel", "campaign");
    private static final Set<String> READ_ONLY_FIELDS = Set.of("createdAt", "archived", "url");

    private final ObjectMapper mapper = new ObjectMapper();

    NewLink read(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        refuseUnknown(json, LINK_FIELDS, "");
        return new NewLink(
                text(json, "name"),
                text(json, "destination"),
                text(json, "channel"),
                text(json, "campaign"),
                text(json, "slug"),
                goal(json.get("goal")),
                integer(json, "attributionWindowDays"),
                bool(json, "countRebills"));
    }

    /**
     * A change of a link: only name, destination, channel and campaign may be sent. An absent field
     * stays as it is; JSON null empties it (which only a campaign may be: it is removed).
     */
    LinkChange readChange(byte[] body) throws BadRequest {
        JsonNode json = object(body);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (LinkChange.FIXED_FIELDS.contains(name)) {
                throw new BadRequest(name + " " + LinkChange.FIXED_REASON);
            }
            if (READ_ONLY_FIELDS.contains(name)) {
                throw new BadRequest(name + " is read-only" + ("archived".equals(name)
                        ? " (DELETE /api/links/{slug} archives a link)" : ""));
            }
        }
        refuseUnknown(json, CHANGEABLE_FIELDS, "");
        return new LinkChange(changed(json, "name"), changed(json, "destination"), changed(json, "channel"),
                changed(json, "campaign"));
    }

    ObjectNode writePage(List<Link> links, String nextCursor, Function<Link, String> urls) {
        ObjectNode json = mapper.createObjectNode();
        ArrayNode items = json.putArray("items");
        links.forEach(link -> items.add(write(link, urls.apply(link))));
        return json.put("nextCursor", nextCursor);
    }

    ObjectNode write(Link link, String url) {
        ObjectNode json = mapper.createObjectNode()
                .put("slug", link.slug())
                .put("name", link.name())
                .put("destination", link.destination())
                .put("channel", link.channel())
                .put("campaign", link.campaign());
        json.set("goal", goal(link.goal()));
        return json.put("attributionWindowDays", link.attributionWindowDays())
                .put("countRebills", link.countRebills())
                .put("createdAt", link.createdAt().toString())
                .put("archived", link.archived())
                .put("url", url);
    }

    /** The new value: null when absent, empty when JSON null (so the rules say what null means). */
    private static String changed(JsonNode object, String field) throws BadRequest {
        JsonNode value = object.get(field);
        if (value != null && value.isNull()) {
            return "";
        }
        return text(object, field);
    }

    private JsonNode goal(Goal goal) {
        if (goal == null) {
            return mapper.nullNode();
        }
        ObjectNode json = mapper.createObjectNode().put("type", goal.type().wireName());
        return switch (goal.type()) {
            case OPT_IN -> json.put("formId", goal.formId());
            case PAGE_VISIT -> json.put("pageUrl", goal.pageUrl());
            case PURCHASE -> json.put("productId", goal.productId());
        };
    }

    private static NewGoal goal(JsonNode goal) throws BadRequest {
        if (goal == null || goal.isNull()) {
            return null;
        }
        if (!goal.isObject()) {
            throw new BadRequest("goal must be an object such as {\"type\": \"purchase\"}");
        }
        refuseUnknown(goal, GOAL_FIELDS, "goal.");
        return new NewGoal(text(goal, "type", "goal.type"), text(goal, "formId", "goal.formId"),
                text(goal, "pageUrl", "goal.pageUrl"), text(goal, "productId", "goal.productId"));
    }
}
