package io.goalpost.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {

    private static APIGatewayV2HTTPEvent withHeaders(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withHeaders(headers).build();
    }

    @Test
    void findsAHeaderWhateverTheCaseOfItsName() {
        assertThat(HttpRequests.header(withHeaders(Map.of("content-type", "application/json")), "Content-Type"))
                .contains("application/json");
        assertThat(HttpRequests.header(withHeaders(Map.of("Content-Type", "text/plain")), "content-type")).contains("text/plain");
        assertThat(HttpRequests.header(APIGatewayV2HTTPEvent.builder().build(), "content-type")).isEmpty();
    }

    @Test
    void findsACookieInTheCookiesList() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withCookies(List.of("theme=dark", "gp_vid=Vq3mXkP9aZr2LdT8wYbN4c")).build();

        assertThat(HttpRequests.cookie(event, "gp_vid")).contains("Vq3mXkP9aZr2LdT8wYbN4c");
        assertThat(HttpRequests.cookie(event, "gp")).isEmpty();
    }

    @Test
    void findsACookieInACookieHeaderAndUnquotesIt() {
        APIGatewayV2HTTPEvent event = withHeaders(Map.of("cookie", "theme=dark; gp_vid=\"Vq3mXkP9aZr2LdT8wYbN4c\""));

        assertThat(HttpRequests.cookie(event, "gp_vid")).contains("Vq3mXkP9aZr2LdT8wYbN4c");
    }

    @Test
    void decodesABase64Body() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withBody(Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true).build();

        assertThat(new String(HttpRequests.body(event), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void readsAPlainBodyAsUtf8AndAMissingOneAsEmpty() {
        assertThat(HttpRequests.body(APIGatewayV2HTTPEvent.builder().withBody("é").build())).hasSize(2);
        assertThat(HttpRequests.body(APIGatewayV2HTTPEvent.builder().build())).isEmpty();
    }

    @Test
    void refusesABodyFlaggedAsBase64ThatIsNot() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withBody("not base64!").withIsBase64Encoded(true).build();

        assertThatThrownBy(() -> HttpRequests.body(event)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheTokenOfABearerAuthorization() {
        assertThat(HttpRequests.bearerToken(withHeaders(Map.of("authorization", "Bearer gp_local_dev_key"))))
                .contains("gp_local_dev_key");
        assertThat(HttpRequests.bearerToken(withHeaders(Map.of("authorization", "bearer  k1 ")))).contains("k1");
        assertThat(HttpRequests.bearerToken(withHeaders(Map.of("authorization", "Basic dXNlcjpwdw==")))).isEmpty();
        assertThat(HttpRequests.bearerToken(withHeaders(Map.of("authorization", "Bearer ")))).isEmpty();
        assertThat(HttpRequests.bearerToken(withHeaders(Map.of()))).isEmpty();
    }

    @Test
    void matchesTheMediaTypeIgnoringParametersAndCase() {
        assertThat(HttpRequests.hasContentType(withHeaders(Map.of("content-type", "Application/JSON; charset=utf-8")),
                "application/json")).isTrue();
        assertThat(HttpRequests.hasContentType(withHeaders(Map.of("content-type", "text/plain")), "application/json")).isFalse();
        assertThat(HttpRequests.hasContentType(withHeaders(Map.of()), "application/json")).isFalse();
    }
}
