package io.goalpost.functions.beacon;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.wiring.BeaconWiring;
import io.goalpost.core.beacon.Beacon;
import io.goalpost.core.beacon.BeaconResult;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /t.js (the page script), POST /e (one page event, JSON or sendBeacon's text/plain) and
 * GET /e.gif (the same as query parameters, for pages without JavaScript). CORS is the HTTP API's
 * (CorsConfiguration): it answers preflights and adds the headers, so nothing here does. A bot's
 * event gets the same answer as a person's (the beacon drops it).
 */
public final class BeaconHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String SCRIPT_ROUTE = "GET /t.js";
    static final String EVENT_ROUTE = "POST /e";
    static final String PIXEL_ROUTE = "GET /e.gif";

    private final Beacon beacon;
    private final PageScript script;

    public BeaconHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    public BeaconHandler(Map<String, String> env, Clock clock) {
        this(BeaconWiring.beacon(env, clock));
    }

    BeaconHandler(BeaconWiring.Dependencies dependencies) {
        this(dependencies.beacon(), dependencies.cookieDomain());
    }

    public BeaconHandler(Beacon beacon, String cookieDomain) {
        this.beacon = beacon;
        this.script = new PageScript(cookieDomain);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = String.valueOf(event.getRouteKey());
        return switch (route) {
            case SCRIPT_ROUTE -> script.response();
            case EVENT_ROUTE -> answer(event, EventInputs.fromBody(event),
                    () -> HttpResponses.withHeaders(202, Map.of("cache-control", "no-store"), ""));
            case PIXEL_ROUTE -> answer(event, EventInputs.fromQuery(event), Pixel::response);
            default -> HttpResponses.error(ErrorCode.NOT_FOUND, "no such route");
        };
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, EventInput input,
            Supplier<APIGatewayV2HTTPResponse> accepted) {
        BeaconResult result = input instanceof EventInput.Fields read
                ? beacon.receive(read.fields(), HttpRequests.cookie(event, "gp_vid").orElse(null),
                        HttpRequests.header(event, "user-agent").orElse(null))
                : beacon.refuse(((EventInput.Unreadable) input).reason(), ((EventInput.Unreadable) input).message());
        if (result instanceof BeaconResult.Refused refused) {
            return HttpResponses.error(switch (refused.reason()) {
                case TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                default -> ErrorCode.BAD_REQUEST;
            }, refused.message());
        }
        return accepted.get();
    }
}
