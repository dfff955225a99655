package io.goalpost.functions.api;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.core.lead.LeadResult;
import io.goalpost.core.lead.Leads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** /api/leads and /api/leads/{leadId}…: HTTP in, one call to {@link Leads}, HTTP out. */
final class LeadRoutes {

    private final Leads leads;
    private final TrackingUrls urls;
    private final LeadJson json = new LeadJson();

    LeadRoutes(Leads leads, TrackingUrls urls) {
        this.leads = leads;
        this.urls = urls;
    }

    /** 201 when the lead is new, 200 when it was found; the opt-in is enqueued either way. */
    APIGatewayV2HTTPResponse optIn(APIGatewayV2HTTPEvent event) {
        try {
            return respond(leads.optIn(json.readOptIn(JsonBodies.of(event))), event);
        } catch (BadRequest unreadable) {
            return unreadable.response();
        }
    }

    APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return respond(leads.find(leadId(event)), event);
    }

    APIGatewayV2HTTPResponse search(APIGatewayV2HTTPEvent event) {
        try {
            return respond(leads.search(json.readSearch(JsonBodies.of(event))), event);
        } catch (BadRequest unreadable) {
            return unreadable.response();
        }
    }

    APIGatewayV2HTTPResponse changeConsent(APIGatewayV2HTTPEvent event) {
        try {
            return respond(leads.changeConsent(leadId(event), json.readConsent(JsonBodies.of(event))), event);
        } catch (BadRequest unreadable) {
            return unreadable.response();
        }
    }

    APIGatewayV2HTTPResponse erase(APIGatewayV2HTTPEvent event) {
        return respond(leads.erase(leadId(event)), event);
    }

    APIGatewayV2HTTPResponse personalise(APIGatewayV2HTTPEvent event) {
        return respond(leads.personalise(leadId(event), HttpRequests.pathParameter(event, "slug").orElse(null)), event);
    }

    private APIGatewayV2HTTPResponse respond(LeadResult result, APIGatewayV2HTTPEvent event) {
        if (result instanceof LeadResult.Done done) {
            int status = done.created() ? 201 : 200;
            return HttpResponses.json(status, json.write(done.view()), Map.of("cache-control", "no-store"));
        }
        if (result instanceof LeadResult.Token token) {
            String url = urls.of(token.slug(), event) + "?gp_lt=" + URLEncoder.encode(token.token(), StandardCharsets.UTF_8);
            return HttpResponses.json(201, json.writeUrl(url, token.leadId(), token.slug()));
        }
        if (result instanceof LeadResult.Erasing erasing) {
            return HttpResponses.json(202, json.writeErasing(erasing.leadId()));
        }
        if (result instanceof LeadResult.Invalid invalid) {
            return error(ErrorCode.BAD_REQUEST, invalid.message());
        }
        return error(ErrorCode.NOT_FOUND, ((LeadResult.NotFound) result).message());
    }

    private static String leadId(APIGatewayV2HTTPEvent event) {
        return HttpRequests.pathParameter(event, "leadId").orElse(null);
    }
}
