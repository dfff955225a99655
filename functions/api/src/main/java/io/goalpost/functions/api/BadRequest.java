package io.goalpost.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.goalpost.aws.http.ErrorCode;
import io.goalpost.aws.http.HttpResponses;

/**
 * A request that cannot even be read (wrong content type, too large, not the JSON a route takes);
 * the message names what is wrong, never echoing the input at length.
 */
final class BadRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    BadRequest(String message) {
        this(ErrorCode.BAD_REQUEST, message);
    }

    BadRequest(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    APIGatewayV2HTTPResponse response() {
        return HttpResponses.error(code, getMessage());
    }
}
