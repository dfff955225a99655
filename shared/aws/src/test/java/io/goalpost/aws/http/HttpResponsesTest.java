package io.goalpost.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    @Test
    void answersAnErrorInTheSpecsJsonShape() throws Exception {
        APIGatewayV2HTTPResponse response = HttpResponses.error(ErrorCode.CONFLICT, "slug \"a\" is taken");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(new ObjectMapper().readTree(response.getBody()))
                .isEqualTo(new ObjectMapper().readTree("{\"error\":\"conflict\",\"message\":\"slug \\\"a\\\" is taken\"}"));
    }

    @Test
    void escapesMarkupInErrorMessagesAsJsonText() throws Exception {
        APIGatewayV2HTTPResponse response = HttpResponses.error(ErrorCode.BAD_REQUEST, "unknown field \"<script>\"");

        assertThat(new ObjectMapper().readTree(response.getBody()).get("message").asText()).isEqualTo("unknown field \"<script>\"");
        assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff");
    }
}
