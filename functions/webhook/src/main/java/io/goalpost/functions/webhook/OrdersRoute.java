package io.goalpost.functions.webhook;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.webhook.MalformedBody;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.core.payment.NewOrder;
import io.goalpost.core.payment.StandardWebhookVerifier.Verdict;

/**
 * POST /webhooks/orders: the body's size, then the Standard Webhooks signature, then the body,
 * then one call to {@link io.goalpost.core.payment.OrderIntake}. Nothing is written on any 4xx.
 */
final class OrdersRoute {

    static final String ROUTE = "POST /webhooks/orders";
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final WebhookDependencies dependencies;
    private final ReceiptResponses responses;

    OrdersRoute(WebhookDependencies dependencies) {
        this.dependencies = dependencies;
        this.responses = new ReceiptResponses(dependencies.log());
    }

    APIGatewayV2HTTPResponse receive(APIGatewayV2HTTPEvent event) {
        byte[] body;
        try {
            body = HttpRequests.body(event);
        } catch (IllegalArgumentException notBase64) {
            return error(ErrorCode.BAD_REQUEST, "body is flagged as base64 but is not");
        }
        // Before the signature: no HMAC over a body we would refuse anyway.
        if (body.length > MAX_BODY_BYTES) {
            return error(ErrorCode.PAYLOAD_TOO_LARGE, "body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        String deliveryId = HttpRequests.header(event, "webhook-id").orElse(null);
        Verdict verdict = dependencies.ordersVerifier().verify(deliveryId,
                HttpRequests.header(event, "webhook-timestamp").orElse(null),
                HttpRequests.header(event, "webhook-signature").orElse(null), body);
        if (verdict != Verdict.AUTHENTIC) {
            dependencies.log().unauthorized(ROUTE, verdict);
            return error(ErrorCode.UNAUTHORIZED, verdict.message());
        }
        NewOrder order;
        try {
            order = dependencies.orderJson().read(body);
        } catch (MalformedBody malformed) {
            return responses.badRequest(ROUTE, deliveryId, malformed.getMessage());
        }
        return responses.respond(ROUTE, deliveryId, dependencies.orders().receive(deliveryId, order));
    }
}
