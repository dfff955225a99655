package io.goalpost.functions.attribution;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.wiring.WorkerDependencies;
import io.goalpost.aws.wiring.WorkerWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The attribution worker: one function, two triggers. An SQS batch from the events queue is
 * recorded message by message and answered with the ids that failed ({@code batchItemFailures});
 * the 1-minute EventBridge schedule re-drives the outbox to the queue.
 */
public final class AttributionHandler implements RequestStreamHandler {

  private final ObjectMapper mapper = new ObjectMapper();
  private final EventBatch batch;
  private final WorkerDependencies worker;

  public AttributionHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  public AttributionHandler(Map<String, String> env, Clock clock) {
    this(WorkerWiring.worker(env, clock));
  }

  public AttributionHandler(WorkerDependencies worker) {
    this(worker, System.out::println);
  }

  AttributionHandler(WorkerDependencies worker, Consumer<String> log) {
    this.worker = worker;
    this.batch = new EventBatch(worker.events(), new WorkerLog(mapper, log));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = mapper.readTree(input);
    JsonNode answer;
    if (event != null && event.has("Records")) {
      answer = batch.process(event.get("Records"));
    } else if (isScheduled(event)) {
      answer = mapper.createObjectNode().put("redriven", worker.outboxRedrive().getAsInt());
    } else {
      throw new IllegalArgumentException("neither an SQS batch nor a scheduled event");
    }
    mapper.writeValue(output, answer);
  }

  private static boolean isScheduled(JsonNode event) {
    return event != null && ("aws.events".equals(event.path("source").asText())
        || "Scheduled Event".equals(event.path("detail-type").asText()));
  }
}
