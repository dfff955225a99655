package io.goalpost.functions.webhook;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpResponses;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.core.payment.OrderReceipt;
import java.util.Map;

/** What every payment webhook answers for what became of a delivery, so no two routes differ. */
final class ReceiptResponses {

    private final WebhookLog log;

    ReceiptResponses(WebhookLog log) {
        this.log = log;
    }

    APIGatewayV2HTTPResponse respond(String route, String deliveryId, OrderReceipt receipt) {
        log.receipt(receipt);
        if (receipt instanceof OrderReceipt.Invalid invalid) {
            return badRequest(route, deliveryId, invalid.message());
        }
        if (receipt instanceof OrderReceipt.Unavailable) {
            // The one 5xx, and on purpose: neither the queue nor the outbox holds the order, so
            // answering 2xx would lose a sale. A 503 makes the sender retry later; nothing is lost.
            return HttpResponses.json(503, JsonNodeFactory.instance.objectNode().put("error", "unavailable")
                    .put("message", "the order could not be recorded; retry later"), Map.of("retry-after", "60"));
        }
        if (receipt instanceof OrderReceipt.Ignored ignored) {
            // 2xx, or the sender would retry, for days, something that will never count.
            return HttpResponses.json(200, JsonNodeFactory.instance.objectNode().put("received", true)
                    .put("ignored", ignored.reason().message()));
        }
        // Enqueued or kept in the outbox: either way the worker will have it.
        return HttpResponses.json(200, JsonNodeFactory.instance.objectNode().put("received", true));
    }

    APIGatewayV2HTTPResponse badRequest(String route, String deliveryId, String reason) {
        log.refused(route, deliveryId, reason);
        return error(ErrorCode.BAD_REQUEST, reason);
    }
}
