package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate.QueueDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the template's queues in ElasticMQ and empties them. */
final class SqsQueues {

  /** A queue as created locally. */
  record Created(String logicalId, String name, String url, String arn) {}

  private final SqsClient sqs;

  SqsQueues(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** Creates every queue, dead-letter targets first so a redrive policy can name their ARN. */
  Map<String, Created> create(List<QueueDef> queues, LocalStackOptions options) {
    Map<String, Created> created = new LinkedHashMap<>();
    for (QueueDef queue : inDependencyOrder(queues)) {
      created.put(queue.logicalId(), create(queue, created, options));
    }
    return created;
  }

  void purge(Iterable<Created> queues) {
    queues.forEach(queue -> sqs.purgeQueue(b -> b.queueUrl(queue.url())));
  }

  private Created create(QueueDef queue, Map<String, Created> created, LocalStackOptions options) {
    String name = queue.queueName() != null ? queue.queueName() : queue.logicalId();
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    Integer visibility = queue.visibilityTimeout();
    if (options.visibilityTimeout() != null) {
      visibility = Math.toIntExact(options.visibilityTimeout().toSeconds());
    }
    if (visibility != null) {
      attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, visibility.toString());
    }
    if (queue.messageRetentionPeriod() != null) {
      attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
          queue.messageRetentionPeriod().toString());
    }
    if (queue.fifo()) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    if (queue.deadLetterTargetLogicalId() != null) {
      Created target = created.get(queue.deadLetterTargetLogicalId());
      attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + target.arn()
          + "\",\"maxReceiveCount\":" + queue.maxReceiveCount() + "}");
    }
    String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    return new Created(queue.logicalId(), name, url, arn);
  }

  static List<QueueDef> inDependencyOrder(List<QueueDef> queues) {
    Map<String, QueueDef> byId = new LinkedHashMap<>();
    queues.forEach(q -> byId.put(q.logicalId(), q));
    List<QueueDef> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (QueueDef queue : queues) {
      place(queue, byId, placed, new HashSet<>(), ordered);
    }
    return ordered;
  }

  private static void place(QueueDef queue, Map<String, QueueDef> byId, Set<String> placed,
      Set<String> visiting, List<QueueDef> ordered) {
    if (placed.contains(queue.logicalId())) {
      return;
    }
    if (!visiting.add(queue.logicalId())) {
      throw new IllegalArgumentException("dead-letter queues form a cycle at " + queue.logicalId());
    }
    String target = queue.deadLetterTargetLogicalId();
    if (target != null) {
      QueueDef dlq = byId.get(target);
      if (dlq == null) {
        throw new IllegalArgumentException(queue.logicalId()
            + " redrives to " + target + ", which is not a queue in the template");
      }
      place(dlq, byId, placed, visiting, ordered);
    }
    placed.add(queue.logicalId());
    ordered.add(queue);
  }
}
