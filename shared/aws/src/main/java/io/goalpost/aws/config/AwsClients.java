package io.goalpost.aws.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * SDK clients, built from the function's environment map rather than the process environment,
 * so the dev server can host every function in one JVM and point each at the emulators
 * (AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS). Build each once per container.
 * The url-connection HTTP client starts faster than Apache's, which a cold Lambda pays for.
 */
public final class AwsClients {

    static final String REGION = "AWS_REGION";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final String DYNAMODB_ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";
    static final String SQS_ENDPOINT = "AWS_ENDPOINT_URL_SQS";
    static final String DEFAULT_REGION = "us-east-1";

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Map<String, String> env) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(UrlConnectionHttpClient.builder().build());
        endpoint(env, DYNAMODB_ENDPOINT).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** An SQS client whose every call, retries included, gives up after {@code apiCallTimeout}. */
    public static SqsClient sqs(Map<String, String> env, Duration apiCallTimeout) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(apiCallTimeout).build());
        endpoint(env, SQS_ENDPOINT).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region(Map<String, String> env) {
        String region = env.get(REGION);
        return Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region);
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env) {
        String keyId = env.get(ACCESS_KEY_ID);
        String secret = env.get(SECRET_ACCESS_KEY);
        if (keyId == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get(SESSION_TOKEN);
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }

    private static Optional<URI> endpoint(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }
}
