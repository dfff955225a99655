package io.goalpost.aws.wiring;

import io.goalpost.aws.click.CrawlerUserAgents;
import io.goalpost.aws.click.DynamoDbSaltStore;
import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.GoalpostConfig;
import io.goalpost.aws.counter.DynamoDbCounterStore;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.event.LoggedClickFallback;
import io.goalpost.aws.event.SqsEventQueue;
import io.goalpost.aws.attribution.DynamoDbClickStore;
import io.goalpost.aws.attribution.DynamoDbConversionStore;
import io.goalpost.aws.attribution.DynamoDbLineageStore;
import io.goalpost.aws.attribution.DynamoDbVisitorTouches;
import io.goalpost.aws.lead.DynamoDbLeadLineages;
import io.goalpost.aws.lead.DynamoDbLeadStore;
import io.goalpost.aws.link.DynamoDbLinkStore;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.LeadLog;
import io.goalpost.core.lead.LeadTokens;
import io.goalpost.core.lead.Leads;
import io.goalpost.aws.outbox.DynamoDbOutbox;
import io.goalpost.aws.product.DynamoDbProductCatalog;
import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.click.ClickerKeys;
import io.goalpost.core.click.DailySalts;
import io.goalpost.core.click.Redirector;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OutboxFallback;
import io.goalpost.core.id.SecureRandomIds;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.CataloguingLinkStore;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place each function's object graph is built: configuration, SDK clients, adapters,
 * domain. Handlers call it once, from their constructor.
 */
public final class CompositionRoot {

    /** SPEC §3: the redirect gives the queue at most ~300 ms, then falls back. */
    public static final Duration REDIRECT_QUEUE_BUDGET = Duration.ofMillis(300);
    /** A container's first send also loads the SDK's classes and opens the connection. */
    public static final Duration REDIRECT_FIRST_SEND_BUDGET = Duration.ofSeconds(2);
    /** After the queue failed: the table answers in milliseconds when it is well; don't wait long when it is not. */
    public static final Duration REDIRECT_OUTBOX_BUDGET = Duration.ofMillis(500);

    private CompositionRoot() {
    }

    /**
     * A click the queue refuses within its budget goes to the outbox in the table (the worker
     * re-drives it), and one the outbox refuses too goes to the log: the visitor is redirected
     * either way (SPEC §3 Clicks). Bots are told by the crawler-user-agents list; clickers by the
     * visitor id, else a hash of IP and user agent under the day's salt (kept in the table).
     */
    public static Redirector redirector(Map<String, String> env, Clock clock) {
        GoalpostConfig.Redirect config = GoalpostConfig.redirect(env);
        EventJson json = new EventJson();
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new Redirector(
                new DynamoDbLinkStore(dynamoDb, config.tableName()),
                new SqsEventQueue(AwsClients.sqs(env, REDIRECT_QUEUE_BUDGET), config.eventsQueueUrl(), json,
                        REDIRECT_FIRST_SEND_BUDGET),
                new OutboxFallback<ClickEvent>(
                        new DynamoDbOutbox(dynamoDb, config.tableName(), json, clock, REDIRECT_OUTBOX_BUDGET),
                        new LoggedClickFallback(json, System.out::println)::keep)::keep,
                new SecureRandomIds(),
                clock,
                CrawlerUserAgents.load(),
                new ClickerKeys(new DailySalts(new DynamoDbSaltStore(dynamoDb, config.tableName()))),
                new LeadTokens(GoalpostConfig.leadTokenSecret(env)));
    }

    public static ApiDependencies api(Map<String, String> env, Clock clock) {
        GoalpostConfig.Api config = GoalpostConfig.api(env);
        ApiKeys apiKeys = apiKeys(config.apiKeyHashes());
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        DynamoDbProductCatalog products = new DynamoDbProductCatalog(dynamoDb, config.tableName());
        // A link's purchase-goal product is listed from the moment the link is stored.
        Links links = new Links(new CataloguingLinkStore(new DynamoDbLinkStore(dynamoDb, config.tableName()), products),
                new SecureRandomIds(), clock);
        DynamoDbCounterStore counters = new DynamoDbCounterStore(dynamoDb, config.tableName());
        LinkStatistics linkStatistics = new LinkStatistics(links, counters, clock);
        return new ApiDependencies(links, linkStatistics, new ChannelStatistics(links, counters, clock), apiKeys,
                config.publicBaseUrl(), new ProductStatistics(products, counters, clock),
                leads(env, clock, dynamoDb, config.tableName()),
                // Reads only: the worker's stores, so the reasons see exactly what the worker decides from.
                Reconciliation.over(WorkerWiring.stores(dynamoDb, config.tableName(), clock,
                        new EmailHashes(GoalpostConfig.leads(env).emailHashKey())), clock));
    }

    /**
     * The api's side of leads: it writes lead items itself and hands the worker an event — on the
     * queue within the redirect's budget, else in the outbox the worker re-drives.
     */
    private static Leads leads(Map<String, String> env, Clock clock, DynamoDbClient dynamoDb, String tableName) {
        GoalpostConfig.Leads config = GoalpostConfig.leads(env);
        EventJson json = new EventJson();
        LeadLog log = new LeadLog(new DynamoDbLeadLineages(dynamoDb, tableName), new DynamoDbClickStore(dynamoDb, tableName),
                new DynamoDbLineageStore(dynamoDb, tableName), new DynamoDbVisitorTouches(dynamoDb, tableName),
                new DynamoDbConversionStore(dynamoDb, tableName));
        return new Leads(new DynamoDbLeadStore(dynamoDb, tableName), log, new EmailHashes(config.emailHashKey()),
                new LeadTokens(config.leadTokenSecret()), new DynamoDbLinkStore(dynamoDb, tableName),
                new SqsEventQueue(AwsClients.sqs(env, REDIRECT_FIRST_SEND_BUDGET), config.eventsQueueUrl(), json,
                        REDIRECT_FIRST_SEND_BUDGET),
                new DynamoDbOutbox(dynamoDb, tableName, json, clock), new SecureRandomIds(), clock);
    }

    private static ApiKeys apiKeys(String hashes) {
        try {
            return ApiKeys.fromHashes(hashes);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(GoalpostConfig.API_KEY_HASHES + ": " + malformed.getMessage(), malformed);
        }
    }
}
