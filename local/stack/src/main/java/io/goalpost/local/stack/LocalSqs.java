package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate.QueueDef;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ, a client for it, and the template's queues in it. */
final class LocalSqs implements AutoCloseable {

  private final URI endpoint;
  private final SqsClient client;
  private final Map<String, SqsQueues.Created> queues = new LinkedHashMap<>();
  private final List<QueueDef> definitions;
  private final LocalStackOptions options;
  /** Null while stopped. */
  private ElasticMq elasticMq;

  private LocalSqs(ElasticMq elasticMq, List<QueueDef> definitions, LocalStackOptions options) {
    this.elasticMq = elasticMq;
    this.endpoint = elasticMq.endpoint();
    this.definitions = List.copyOf(definitions);
    this.options = options;
    this.client = SqsClient.builder()
        .endpointOverride(endpoint)
        .region(LocalStack.region())
        .credentialsProvider(LocalStack.credentials())
        .httpClientBuilder(LocalStack.httpClient())
        .build();
  }

  static LocalSqs start(List<QueueDef> queues, LocalStackOptions options) {
    LocalSqs local = new LocalSqs(ElasticMq.start(), queues, options);
    try {
      local.queues.putAll(new SqsQueues(local.client).create(queues, options));
      return local;
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  URI endpoint() {
    return endpoint;
  }

  SqsClient client() {
    return client;
  }

  Map<String, SqsQueues.Created> queues() {
    return queues;
  }

  SqsQueues.Created queue(String logicalId) {
    SqsQueues.Created queue = queues.get(logicalId);
    if (queue == null) {
      throw new IllegalArgumentException("no queue " + logicalId + " in the template; queues: "
          + queues.keySet());
    }
    return queue;
  }

  void reset() {
    new SqsQueues(client).purge(queues.values());
  }

  /** Stops ElasticMQ: every SQS call fails (connection refused) until {@link #start()}. */
  synchronized void stop() {
    if (elasticMq != null) {
      elasticMq.close();
      elasticMq = null;
    }
  }

  /**
   * Starts ElasticMQ again on the same port and creates the same queues, so every queue URL
   * handed out before works again. Messages that were on the queues are gone.
   */
  synchronized void start() {
    if (elasticMq != null) {
      return;
    }
    elasticMq = ElasticMq.start(endpoint.getPort());
    Map<String, SqsQueues.Created> recreated = new SqsQueues(client).create(definitions, options);
    if (!recreated.equals(queues)) {
      throw new IllegalStateException("queues came back different: " + recreated + " instead of " + queues);
    }
  }

  @Override
  public synchronized void close() {
    try {
      client.close();
    } finally {
      stop();
    }
  }
}
