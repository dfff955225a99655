package io.goalpost.local.devserver.eventsource;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does for one function, against a local queue: several
 * pollers long-poll the queue, hand each batch to the function as an {@link SQSEvent}, and delete
 * the messages that succeeded. A message that fails is simply not deleted: it comes back after
 * the queue's visibility timeout, and the queue's own redrive policy moves it to the dead-letter
 * queue after {@code maxReceiveCount} receives, exactly as in AWS.
 */
public final class SqsEventSource implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SqsEventSource.class.getName());
  /** Short, so that close() returns within about a second. */
  private static final int WAIT_TIME_SECONDS = 1;
  /** ReceiveMessage's own limit; Lambda's larger batches need a batching window we don't emulate. */
  private static final int MAX_RECEIVE = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final int batchSize;
  private final int pollers;
  private final boolean reportBatchItemFailures;
  private final Function<SQSEvent, SQSBatchResponse> target;
  private final SqsRecords records;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private ExecutorService threads;
  private volatile boolean running;

  /** With {@code ReportBatchItemFailures}: the function's {@link SQSBatchResponse} counts. */
  public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, int batchSize,
      int pollers, Function<SQSEvent, SQSBatchResponse> target) {
    this(sqs, queueUrl, queueArn, batchSize, pollers, true, target);
  }

  /**
   * @param reportBatchItemFailures whether the event source has
   *     {@code FunctionResponseTypes: [ReportBatchItemFailures]}; without it Lambda ignores the
   *     response and a batch either succeeds whole or fails whole
   */
  public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, int batchSize,
      int pollers, boolean reportBatchItemFailures, Function<SQSEvent, SQSBatchResponse> target) {
    if (batchSize < 1 || batchSize > MAX_RECEIVE) {
      throw new IllegalArgumentException("batch size must be 1 to " + MAX_RECEIVE + " locally: "
          + batchSize);
    }
    if (pollers < 2) {
      throw new IllegalArgumentException("Lambda polls with several pollers; use at least 2: "
          + pollers);
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.batchSize = batchSize;
    this.pollers = pollers;
    this.reportBatchItemFailures = reportBatchItemFailures;
    this.target = target;
    this.records = new SqsRecords(queueArn);
  }

  public synchronized SqsEventSource start() {
    if (threads != null) {
      throw new IllegalStateException("already started");
    }
    String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    AtomicInteger number = new AtomicInteger();
    threads = Executors.newFixedThreadPool(pollers, task -> {
      Thread thread = new Thread(task, "sqs-poller-" + queueName + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    for (int i = 0; i < pollers; i++) {
      threads.execute(this::poll);
    }
    return this;
  }

  /** Stops polling; returns once every poller has finished the batch it was handling. */
  @Override
  public synchronized void close() {
    running = false;
    stopping.countDown();
    if (threads == null) {
      return;
    }
    threads.shutdown();
    try {
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void poll() {
    while (running) {
      List<Message> messages;
      try {
        messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
            .maxNumberOfMessages(batchSize)
            .waitTimeSeconds(WAIT_TIME_SECONDS)
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
            .messageAttributeNames("All")).messages();
      } catch (RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "receiving from " + queueUrl + " failed; retrying", e);
          pauseAfterFailure();
        }
        continue;
      }
      if (!messages.isEmpty()) {
        try {
          deliver(messages);
        } catch (RuntimeException e) {
          // Undeleted messages come back after the visibility timeout; keep polling.
          LOG.log(Level.WARNING, "deleting handled messages from " + queueUrl + " failed", e);
        }
      }
    }
  }

  private void deliver(List<Message> messages) {
    SQSBatchResponse response;
    try {
      response = target.apply(records.event(messages));
    } catch (RuntimeException | Error e) {
      // As in Lambda: the whole batch becomes visible again after the visibility timeout.
      LOG.log(Level.WARNING, "the function failed a batch of " + messages.size() + " from "
          + queueUrl + "; it returns after the visibility timeout", e);
      return;
    }
    Set<String> failed = failedIds(response, messages);
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        deletes.add(DeleteMessageBatchRequestEntry.builder()
            .id(Integer.toString(deletes.size()))
            .receiptHandle(message.receiptHandle())
            .build());
      }
    }
    if (!deletes.isEmpty()) {
      var result = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
      result.failed().forEach(f -> LOG.log(Level.WARNING, "could not delete a message from "
          + queueUrl + ": " + f.message()));
    }
  }

  /** The ids to keep; every id when the response names a message not in the batch (as Lambda). */
  private Set<String> failedIds(SQSBatchResponse response, List<Message> messages) {
    Set<String> failed = new HashSet<>();
    if (!reportBatchItemFailures || response == null || response.getBatchItemFailures() == null) {
      return failed;
    }
    Set<String> batch = new HashSet<>();
    messages.forEach(m -> batch.add(m.messageId()));
    for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
      String id = failure == null ? null : failure.getItemIdentifier();
      if (id == null || !batch.contains(id)) {
        LOG.log(Level.WARNING, "batchItemFailures names " + id
            + ", which is not in the batch: the whole batch counts as failed");
        return batch;
      }
      failed.add(id);
    }
    return failed;
  }

  private void pauseAfterFailure() {
    try {
      stopping.await(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
