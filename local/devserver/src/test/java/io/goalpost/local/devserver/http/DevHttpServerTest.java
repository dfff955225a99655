package io.goalpost.local.devserver.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DevHttpServerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CapturingTarget target = new CapturingTarget();
    private DevHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logsOneLinePerRequestWithMethodPathStatusAndFunctionButNeverTheQueryOrBody() {
        start(new RouteBinding("POST", "/api/leads", "ApiFunction", target));

        TestHttp.send(TestHttp.request(server, "/api/leads?email=jane%40example.com")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"jane@example.com\"}")));
        TestHttp.get(server, "/nowhere?token=secret");

        assertThat(log).hasSize(2);
        assertThat(log.get(0)).matches("POST /api/leads 200 \\d+ ms ApiFunction");
        assertThat(log.get(1)).matches("GET /nowhere 404 \\d+ ms -");
        assertThat(String.join("\n", log)).doesNotContain("jane").doesNotContain("secret");
    }

    @Test
    void refusesABodyOverApiGateways10MbLimitWith413() {
        start(new RouteBinding("POST", "/e", "BeaconFunction", target));

        HttpResponse<String> tooLarge = TestHttp.send(TestHttp.request(server, "/e")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(new byte[DevHttpServer.MAX_BODY_BYTES + 1])));
        HttpResponse<String> atTheLimit = TestHttp.send(TestHttp.request(server, "/e")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(new byte[DevHttpServer.MAX_BODY_BYTES])));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(atTheLimit.statusCode()).isEqualTo(200);
        assertThat(target.events()).hasSize(1);
    }

    @Test
    void answers500WhenTheTargetThrowsAndKeepsServing() {
        start(new RouteBinding("GET", "/boom", "BrokenFunction", event -> {
            throw new IllegalStateException("deliberately broken");
        }), new RouteBinding("GET", "/fine", "ApiFunction", target));

        HttpResponse<String> broken = TestHttp.get(server, "/boom");
        HttpResponse<String> fine = TestHttp.get(server, "/fine");

        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(log.get(0)).matches("GET /boom 500 \\d+ ms BrokenFunction");
    }

    private void start(RouteBinding... routes) {
        server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(routes), null,
                Clock.systemUTC(), log::add);
    }
}
