package io.goalpost.functions.webhook;

import static io.goalpost.aws.http.HttpResponses.error;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;
import io.goalpost.aws.webhook.MalformedBody;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.core.payment.StripeEvent;
import io.goalpost.core.payment.StripeSignatureVerifier.Verdict;
import java.util.Optional;

/**
 * POST /webhooks/stripe: the body's size, then the Stripe-Signature, then the event, then one
 * call to {@link io.goalpost.core.payment.StripeIntake}. Nothing is written on any 4xx.
 */
final class StripeRoute {

    static final String ROUTE = "POST /webhooks/stripe";
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final Optional<WebhookDependencies.Stripe> stripe;
    private final WebhookLog log;
    private final ReceiptResponses responses;

    StripeRoute(WebhookDependencies dependencies) {
        this.stripe = dependencies.stripe();
        this.log = dependencies.log();
        this.responses = new ReceiptResponses(dependencies.log());
    }

    APIGatewayV2HTTPResponse receive(APIGatewayV2HTTPEvent event) {
        if (stripe.isEmpty()) {
            return error(ErrorCode.NOT_FOUND, "Stripe is not connected: set the StripeWebhookSecret parameter");
        }
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
        Verdict verdict = stripe.get().verifier().verify(HttpRequests.header(event, "stripe-signature").orElse(null), body);
        if (verdict != Verdict.AUTHENTIC) {
            log.unauthorized(ROUTE, verdict);
            return error(ErrorCode.UNAUTHORIZED, verdict.message());
        }
        StripeEvent stripeEvent;
        try {
            stripeEvent = stripe.get().json().read(body);
        } catch (MalformedBody malformed) {
            return responses.badRequest(ROUTE, null, malformed.getMessage());
        }
        return responses.respond(ROUTE, stripeEvent.id(), stripe.get().intake().receive(stripeEvent));
    }
}
