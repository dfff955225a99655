package io.goalpost.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.aws.wiring.WebhookWiring;
import java.time.Clock;
import java.util.Map;

/** POST /webhooks/*: signed payment notifications from carts and Stripe, by the route API Gateway matched. */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final OrdersRoute orders;
    private final StripeRoute stripe;

    public WebhookHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    public WebhookHandler(Map<String, String> env, Clock clock) {
        this(WebhookWiring.webhook(env, clock));
    }

    public WebhookHandler(WebhookDependencies dependencies) {
        this.orders = new OrdersRoute(dependencies);
        this.stripe = new StripeRoute(dependencies);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        return switch (route) {
            case OrdersRoute.ROUTE -> orders.receive(event);
            case StripeRoute.ROUTE -> stripe.receive(event);
            default -> HttpResponses.error(ErrorCode.NOT_FOUND, "no such route");
        };
    }
}
