package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGatewayV2ResponseWriterTest {
    private DevHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheStatusHeadersAndBodyTheFunctionReturned() {
        serve("GET", APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("Location", "https://shop.example/?gp_cid=abc", "cache-control", "no-store"))
                .withBody("moved")
                .build());

        HttpResponse<String> response = TestHttp.get(server, "/l/a");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("https://shop.example/?gp_cid=abc");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(response.body()).isEqualTo("moved");
    }

    @Test
    void sendsEachCookieAsItsOwnSetCookieHeader() {
        serve("GET", APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withCookies(List.of("a=1; Path=/; HttpOnly", "b=2; Max-Age=60")).build());

        HttpResponse<String> response = TestHttp.get(server, "/l/a");

        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Max-Age=60");
    }

    @Test
    void sendsMultiValueHeadersAsRepeatedHeaders() {
        serve("GET", APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withMultiValueHeaders(Map.of("x-thing", List.of("one", "two"))).build());

        assertThat(TestHttp.get(server, "/l/a").headers().allValues("x-thing")).containsExactly("one", "two");
    }

    @Test
    void decodesABase64BodyToTheExactBytes() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, (byte) 0xff};
        serve("GET", APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "image/gif"))
                .withBody(Base64.getEncoder().encodeToString(gif)).withIsBase64Encoded(true).build());

        HttpResponse<byte[]> response = TestHttp.send(TestHttp.request(server, "/l/a").GET(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).isEqualTo(gif);
    }

    @Test
    void answersHeadWithTheHeadersButNoBody() {
        serve("HEAD", APIGatewayV2HTTPResponse.builder().withStatusCode(302)
                .withHeaders(Map.of("location", "https://shop.example/")).withBody("a body HEAD must not carry").build());

        HttpResponse<String> response = TestHttp.send(TestHttp.request(server, "/l/a")
                .method("HEAD", BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("https://shop.example/");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void treatsAMissingStatusCodeAsA200() {
        serve("GET", APIGatewayV2HTTPResponse.builder().withBody("{\"ok\":true}").build());

        HttpResponse<String> response = TestHttp.get(server, "/l/a");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    private void serve(String method, APIGatewayV2HTTPResponse response) {
        server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0),
                List.of(new RouteBinding(method, "/l/{slug}", "RedirectFunction", new CapturingTarget(response))), null);
    }
}
