package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.wiring.ApiDependencies;
import io.goalpost.aws.wiring.CompositionRoot;
import io.goalpost.core.access.ApiKeys;
import java.time.Clock;
import java.util.Map;

/**
 * /api/*: the API key first, then the route API Gateway matched (its routeKey). The dashboard's
 * files and the OpenAPI document answer without a key ({@link PublicFiles}).
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiKeys apiKeys;
    private final LinkRoutes links;
    private final StatsRoutes stats;
    private final ProductRoutes products;
    private final LeadRoutes leads;
    private final ReconciliationRoute reconciliation;
    private final PublicFiles publicFiles = new PublicFiles();

    public ApiHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    public ApiHandler(Map<String, String> env, Clock clock) {
        this(CompositionRoot.api(env, clock));
    }

    public ApiHandler(ApiDependencies dependencies) {
        this.apiKeys = dependencies.apiKeys();
        this.links = new LinkRoutes(dependencies.links(), new TrackingUrls(dependencies.publicBaseUrl()));
        this.stats = new StatsRoutes(dependencies.linkStatistics(), dependencies.channelStatistics());
        this.products = new ProductRoutes(dependencies.productStatistics());
        this.leads = dependencies.leads() == null ? null
                : new LeadRoutes(dependencies.leads(), new TrackingUrls(dependencies.publicBaseUrl()));
        this.reconciliation = dependencies.reconciliation() == null ? null
                : new ReconciliationRoute(dependencies.reconciliation());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (PublicFiles.serves(event.getRouteKey())) {
            return publicFiles.answer(event.getRouteKey(), event);
        }
        if (!apiKeys.accepts(HttpRequests.bearerToken(event).orElse(null))) {
            return HttpResponses.error(ErrorCode.UNAUTHORIZED, "a valid API key is required (Authorization: Bearer <key>)",
                    Map.of("www-authenticate", "Bearer"));
        }
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        if (route.startsWith("POST /api/leads") || route.contains(" /api/leads/")) {
            return leadRoute(route, event);
        }
        return switch (route) {
            case "POST /api/links" -> links.create(event);
            case "GET /api/links" -> links.list(event);
            case "GET /api/links/{slug}" -> links.get(event);
            case "PATCH /api/links/{slug}" -> links.change(event);
            case "DELETE /api/links/{slug}" -> links.archive(event);
            case "GET /api/links/{slug}/stats" -> stats.link(event);
            case "GET /api/products" -> products.list(event);
            case "GET /api/products/{productId}/stats" -> products.stats(event);
            case "GET /api/products/{productId}/reconciliation" -> reconciliation == null
                    ? HttpResponses.error(ErrorCode.NOT_FOUND, "no such route") : reconciliation.answer(event);
            case "GET /api/channels" -> stats.channels(event);
            default -> HttpResponses.error(ErrorCode.NOT_FOUND, "no such route");
        };
    }

    private APIGatewayV2HTTPResponse leadRoute(String route, APIGatewayV2HTTPEvent event) {
        if (leads == null) {
            return HttpResponses.error(ErrorCode.NOT_FOUND, "no such route");
        }
        return switch (route) {
            case "POST /api/leads" -> leads.optIn(event);
            case "POST /api/leads/search" -> leads.search(event);
            case "GET /api/leads/{leadId}" -> leads.get(event);
            case "PATCH /api/leads/{leadId}" -> leads.changeConsent(event);
            case "DELETE /api/leads/{leadId}" -> leads.erase(event);
            case "POST /api/leads/{leadId}/links/{slug}" -> leads.personalise(event);
            default -> HttpResponses.error(ErrorCode.NOT_FOUND, "no such route");
        };
    }
}
