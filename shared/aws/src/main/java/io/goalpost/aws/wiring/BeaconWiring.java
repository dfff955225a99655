package io.goalpost.aws.wiring;

import io.goalpost.aws.beacon.LoggedDropCounter;
import io.goalpost.aws.beacon.LoggedPageEventFallback;
import io.goalpost.aws.click.CrawlerUserAgents;
import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.BeaconConfig;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.event.SqsEventQueue;
import io.goalpost.aws.outbox.DynamoDbOutbox;
import io.goalpost.core.beacon.Beacon;
import io.goalpost.core.event.OutboxFallback;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.id.SecureRandomIds;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The beacon function's object graph, built once per container from its environment. A page
 * event the queue refuses goes to the outbox in the table (the worker re-drives it), and one the
 * outbox refuses too is logged as lost: the page gets its answer either way. Bots are told apart
 * by the redirect's list (docs/decisions/002), so a page event and a click agree on who is a bot.
 */
public final class BeaconWiring {

    /**
     * Nobody watches a beacon's answer ({@code sendBeacon} ignores it), so the queue may take
     * longer than the redirect's 300 ms; still well inside the function's timeout.
     */
    static final Duration QUEUE_BUDGET = Duration.ofSeconds(2);
    /** A container's first send also loads the SDK's classes and opens the connection. */
    static final Duration FIRST_SEND_BUDGET = Duration.ofSeconds(4);
    /** After the queue failed: the table answers in milliseconds when it is well. */
    static final Duration OUTBOX_BUDGET = Duration.ofSeconds(1);

    /** What the handler works with: the beacon, and the cookie domain it writes into t.js. */
    public record Dependencies(Beacon beacon, String cookieDomain) {
    }

    private BeaconWiring() {
    }

    public static Dependencies beacon(Map<String, String> env, Clock clock) {
        BeaconConfig config = BeaconConfig.from(env);
        EventJson json = new EventJson();
        Beacon beacon = new Beacon(
                new SqsEventQueue(AwsClients.sqs(env, QUEUE_BUDGET), config.eventsQueueUrl(), json, FIRST_SEND_BUDGET),
                new OutboxFallback<PageEvent>(
                        new DynamoDbOutbox(AwsClients.dynamoDb(env), config.tableName(), json, clock, OUTBOX_BUDGET),
                        new LoggedPageEventFallback(System.out::println)::keep)::keep,
                new LoggedDropCounter(clock, System.out::println),
                CrawlerUserAgents.load(),
                new SecureRandomIds(),
                clock);
        return new Dependencies(beacon, config.cookieDomain());
    }
}
