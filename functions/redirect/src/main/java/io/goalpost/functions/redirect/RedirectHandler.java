package io.goalpost.functions.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.wiring.CompositionRoot;
import io.goalpost.core.click.ClickRequest;
import io.goalpost.core.click.Redirect;
import io.goalpost.core.click.Redirector;
import java.time.Clock;
import java.util.Map;

/**
 * GET|HEAD /l/{slug}: a 302 to the link's destination (with a fresh gp_cid), or a 404 page.
 * It never sets a cookie: gp_vid is t.js's to set, and only under consent. The source IP and the
 * user agent go to the redirector, which keeps them to itself (SPEC §5: no raw IP is stored).
 */
public final class RedirectHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Redirector redirector;

    public RedirectHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    public RedirectHandler(Map<String, String> env, Clock clock) {
        this(CompositionRoot.redirector(env, clock));
    }

    public RedirectHandler(Redirector redirector) {
        this.redirector = redirector;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ClickRequest.Method method = ClickRequest.Method.of(HttpRequests.method(event));
        Redirect redirect = redirector.follow(new ClickRequest(
                HttpRequests.pathParameter(event, "slug").orElse(null),
                event.getRawQueryString(),
                HttpRequests.cookie(event, "gp_vid").orElse(null),
                method,
                sourceIp(event),
                HttpRequests.header(event, "user-agent").orElse(null)));
        if (redirect instanceof Redirect.To to) {
            return HttpResponses.withHeaders(302, Map.of("location", to.location(), "cache-control", "no-store"), "");
        }
        return NotFoundPage.response(method);
    }

    /** The address API Gateway saw the request come from (not X-Forwarded-For, which the client writes). */
    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? null : event.getRequestContext().getHttp().getSourceIp();
    }
}
