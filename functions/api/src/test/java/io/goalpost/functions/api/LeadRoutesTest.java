package io.goalpost.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.wiring.ApiDependencies;
import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.LeadLog;
import io.goalpost.core.lead.LeadTokens;
import io.goalpost.core.lead.Leads;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryClickStore;
import io.goalpost.testing.InMemoryConversionStore;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLeadLineages;
import io.goalpost.testing.InMemoryLeadStore;
import io.goalpost.testing.InMemoryLineageStore;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.InMemoryProductCatalog;
import io.goalpost.testing.InMemoryVisitorTouches;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead routes over fakes, fed the samples in events/. */
class LeadRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:40:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryLinkStore linkStore = new InMemoryLinkStore();
    private final InMemoryLeadStore leadStore = new InMemoryLeadStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final LeadTokens tokens = new LeadTokens("test-LeadTokenSecret-0123456789abcdef");
    private final ApiHandler handler;

    LeadRoutesTest() {
        InMemoryCounterStore counters = new InMemoryCounterStore();
        Links links = new Links(linkStore, new FixedIds(), CLOCK);
        Leads leads = new Leads(leadStore, new LeadLog(new InMemoryLeadLineages(), new InMemoryClickStore(),
                new InMemoryLineageStore(), new InMemoryVisitorTouches(), new InMemoryConversionStore()),
                new EmailHashes("test-EmailHashKey-not-secret-0123456789"), tokens, linkStore, queue,
                new InMemoryOutbox(), new FixedIds().withClickIds("LeadAbcdefgh12345678"), CLOCK);
        handler = new ApiHandler(new ApiDependencies(links, new LinkStatistics(links, counters, CLOCK),
                new ChannelStatistics(links, counters, CLOCK), ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")),
                "https://go.example.com", new ProductStatistics(new InMemoryProductCatalog(), counters, CLOCK), leads));
        linkStore.create(new Link("spring-fb", "Spring", "https://shop.example.com/spring", "email", null,
                Goal.purchase(null), 30, false, Instant.parse("2025-03-01T10:00:00Z"), false));
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    private APIGatewayV2HTTPResponse optIn(String body) {
        APIGatewayV2HTTPEvent event = sample("api-opt-in-lead.json");
        event.setBody(body);
        return handle(event);
    }

    @Test
    void theSampleOptInCreatesTheLeadAnswers201AndEnqueuesAnOptInWithoutTheEmail() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("api-opt-in-lead.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode lead = body(response);
        assertThat(lead.path("leadId").asText()).isEqualTo("LeadAbcdefgh12345678");
        assertThat(lead.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(lead.path("gdprConsent").asBoolean()).isTrue();
        assertThat(lead.path("visitorIds").path(0).asText()).isEqualTo("Vq3mXkP9aZr2LdT8wYbN4c");
        LeadEvent event = (LeadEvent) queue.events().get(0);
        assertThat(event.clickId()).isEqualTo("Ab3dEf6hIj9kLm2nOp5qRs");
        assertThat(event.toString()).doesNotContain("ada@");
    }

    @Test
    void theOtherSamplesReadSearchChangeAndEraseTheLead() throws Exception {
        handle(sample("api-opt-in-lead.json"));

        assertThat(handle(sample("api-get-lead.json")).getStatusCode()).isEqualTo(200);
        assertThat(body(handle(sample("api-search-leads.json"))).path("leadId").asText()).isEqualTo("LeadAbcdefgh12345678");
        APIGatewayV2HTTPResponse changed = handle(sample("api-change-lead-consent.json"));
        assertThat(body(changed).path("gdprConsent").asBoolean()).isFalse();
        assertThat(body(changed).path("consent")).hasSize(2);
        APIGatewayV2HTTPResponse erased = handle(sample("api-erase-lead.json"));
        assertThat(erased.getStatusCode()).isEqualTo(202);
        assertThat(handle(sample("api-get-lead.json")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void thePersonalisedUrlIsTheLinksUrlWithATokenNamingTheLead() throws Exception {
        handle(sample("api-opt-in-lead.json"));

        APIGatewayV2HTTPResponse response = handle(sample("api-personalise-link.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        URI url = URI.create(body(response).path("url").asText());
        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo("https://go.example.com/l/spring-fb");
        String token = url.getQuery().substring("gp_lt=".length());
        assertThat(tokens.leadOf(token, CLOCK.instant())).contains("LeadAbcdefgh12345678");
    }

    @Test
    void refusesWrongTypesAndShapesWithA400NamingTheFieldAndWritesNothing() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"email\": 7}", "email must be a string",
                "{\"gdprConsent\": true}", "email is required",
                "{\"email\": \"a@example.com\", \"gdprConsent\": 1}", "gdprConsent must be true or false",
                "{\"email\": \"a@example.com\", \"visitorId\": \"x\"}", "visitorId",
                "{\"email\": \"a@example.com\", \"extra\": 1}", "unknown field \"extra\"",
                "[1]", "body must be a JSON object",
                "{\"email\": ", "body is not valid JSON");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            APIGatewayV2HTTPResponse response = optIn(bad.getKey());
            assertThat(response.getStatusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(body(response).path("error").asText()).isEqualTo("bad_request");
            assertThat(body(response).path("message").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(leadStore.emails()).isEmpty();
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void unknownLeadsAndLinksAre404AndAMissingKeyIs401() throws Exception {
        assertThat(handle(sample("api-get-lead.json")).getStatusCode()).isEqualTo(404);
        assertThat(handle(sample("api-erase-lead.json")).getStatusCode()).isEqualTo(404);
        assertThat(handle(sample("api-personalise-link.json")).getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPEvent anonymous = sample("api-opt-in-lead.json");
        anonymous.getHeaders().remove("authorization");
        assertThat(handle(anonymous).getStatusCode()).isEqualTo(401);
    }
}
