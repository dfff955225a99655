package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A route target that keeps the events it receives and answers with a fixed response. */
final class CapturingTarget implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
    private final APIGatewayV2HTTPResponse response;

    CapturingTarget() {
        this(APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build());
    }

    CapturingTarget(APIGatewayV2HTTPResponse response) {
        this.response = response;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        events.add(event);
        return response;
    }

    APIGatewayV2HTTPEvent onlyEvent() {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    List<APIGatewayV2HTTPEvent> events() {
        return events;
    }
}
