package io.goalpost.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class AwsClientsTest {

    private static final Map<String, String> LOCAL = Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local-secret",
            "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567",
            "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324");

    @Test
    void pointsDynamoDbAtTheEndpointRegionAndCredentialsOfTheMap() {
        try (DynamoDbClient client = AwsClients.dynamoDb(LOCAL)) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4567"));
            AwsCredentialsIdentity credentials =
                    client.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
            assertThat(credentials.accessKeyId()).isEqualTo("local");
        }
    }

    @Test
    void givesEverySqsCallTheBudgetItWasGiven() {
        try (SqsClient client = AwsClients.sqs(LOCAL, Duration.ofMillis(300))) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:9324"));
            assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                    .contains(Duration.ofMillis(300));
        }
    }

    @Test
    void defaultsToUsEast1AndTheSdksEndpointWhenTheMapSaysNothing() {
        try (DynamoDbClient client = AwsClients.dynamoDb(Map.of())) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }
}
