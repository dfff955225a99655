package io.goalpost.aws.wiring;

import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.GoalpostConfig;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.event.SqsEventQueue;
import io.goalpost.aws.outbox.DynamoDbOutbox;
import io.goalpost.core.event.OutboxRedrive;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The outbox re-drive, for the worker's one-minute schedule: events the ingest functions kept in
 * the table while the queue was down go onto the queue, then leave the table. Needs Query and
 * DeleteItem on the table and SendMessage on the queue.
 */
public final class OutboxWiring {

    /** Per message; a pass stops at the first failure, so a dead queue costs one budget per minute. */
    public static final Duration REDRIVE_QUEUE_BUDGET = Duration.ofSeconds(2);

    private OutboxWiring() {
    }

    /** From TABLE_NAME and EVENTS_QUEUE_URL, with clients of its own. */
    public static OutboxRedrive redrive(Map<String, String> env, Clock clock) {
        return redrive(AwsClients.dynamoDb(env), AwsClients.sqs(env, REDRIVE_QUEUE_BUDGET),
                required(env, GoalpostConfig.TABLE_NAME), required(env, GoalpostConfig.EVENTS_QUEUE_URL), clock);
    }

    /** With clients the caller already holds (build each client once per container). */
    public static OutboxRedrive redrive(DynamoDbClient dynamoDb, SqsClient sqs, String tableName, String eventsQueueUrl,
            Clock clock) {
        EventJson json = new EventJson();
        return new OutboxRedrive(new DynamoDbOutbox(dynamoDb, tableName, json, clock),
                new SqsEventQueue(sqs, eventsQueueUrl, json));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }
}
