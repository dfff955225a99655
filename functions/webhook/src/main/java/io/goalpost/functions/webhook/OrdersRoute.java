package io.goalpost.functions.webhook;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.webhook.MalformedBody;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.core.payment.NewOrder;
import io.goalpost.core.payment.OrderReceipt;
import io.goalpost.core.payment.StandardWebhookVerifier.Verdict;
import java.util.Map;

/**
 * POST /webhooks/orders: the body's size, then the Standard Webhooks signature, then the body,
 * then one call to {@link io.goalpost.core.payment.OrderIntake}. Nothing is written on any 4xx.
 */
final class OrdersRoute {

    static final String ROUTE = "POST /webhooks/orders";
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final WebhookDependencies dependencies;

    OrdersRoute(WebhookDependencies dependencies) {
        this.dependencies = dependencies;
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
            return badRequest(deliveryId, malformed.getMessage());
        }
        return respond(deliveryId, dependencies.orders().receive(deliveryId, order));
    }

    private APIGatewayV2HTTPResponse respond(String deliveryId, OrderReceipt receipt) {
        dependencies.log().receipt(receipt);
        if (receipt instanceof OrderReceipt.Invalid invalid) {
            return badRequest(deliveryId, invalid.message());
        }
        if (receipt instanceof OrderReceipt.Unavailable) {
            // The one 5xx, and on purpose: neither the queue nor the outbox holds the order, so
            // answering 2xx would lose a sale. A 503 makes the sender retry later; nothing is lost.
            return HttpResponses.json(503, JsonNodeFactory.instance.objectNode().put("error", "unavailable")
                    .put("message", "the order could not be recorded; retry later"), Map.of("retry-after", "60"));
        }
        // Enqueued or kept in the outbox: either way the worker will have it.
        return HttpResponses.json(200, JsonNodeFactory.instance.objectNode().put("received", true));
    }

    private APIGatewayV2HTTPResponse badRequest(String deliveryId, String reason) {
        dependencies.log().refused(ROUTE, deliveryId, reason);
        return error(ErrorCode.BAD_REQUEST, reason);
    }
}
