package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpRequests;

/** The body of a JSON request, after its content type and size are checked (as the link routes check them). */
final class JsonBodies {

    private JsonBodies() {
    }

    static byte[] of(APIGatewayV2HTTPEvent event) throws BadRequest {
        if (!HttpRequests.hasContentType(event, "application/json")) {
            throw new BadRequest(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "content-type must be application/json");
        }
        byte[] body;
        try {
            body = HttpRequests.body(event);
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequest("body is flagged as base64 but is not");
        }
        if (body.length > LinkRoutes.MAX_BODY_BYTES) {
            throw new BadRequest(ErrorCode.PAYLOAD_TOO_LARGE, "body must be at most " + LinkRoutes.MAX_BODY_BYTES + " bytes");
        }
        return body;
    }
}
