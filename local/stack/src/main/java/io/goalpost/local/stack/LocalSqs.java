package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate.QueueDef;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ, a client for it, and the template's queues in it. */
final class LocalSqs implements AutoCloseable {

  private final ElasticMq elasticMq;
  private final SqsClient client;
  private final Map<String, SqsQueues.Created> queues = new LinkedHashMap<>();

  private LocalSqs(ElasticMq elasticMq) {
    this.elasticMq = elasticMq;
    this.client = SqsClient.builder()
        .endpointOverride(elasticMq.endpoint())
        .region(LocalStack.region())
        .credentialsProvider(LocalStack.credentials())
        .httpClientBuilder(LocalStack.httpClient())
        .build();
  }

  static LocalSqs start(List<QueueDef> queues, LocalStackOptions options) {
    LocalSqs local = new LocalSqs(ElasticMq.start());
    try {
      local.queues.putAll(new SqsQueues(local.client).create(queues, options));
      return local;
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  URI endpoint() {
    return elasticMq.endpoint();
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

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      elasticMq.close();
    }
  }
}
