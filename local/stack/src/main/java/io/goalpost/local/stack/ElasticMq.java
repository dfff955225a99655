package io.goalpost.local.stack;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, the SQS emulator, inside this JVM on a free loopback port. */
public final class ElasticMq implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  public static ElasticMq start() {
    SQSRestServer server = SQSRestServerBuilder
        .withInterface("127.0.0.1")
        .withDynamicPort()
        // Queue ARNs then name the region the functions are told they run in.
        .withAWSRegion(LocalStack.REGION)
        .withAWSAccountId(LocalStack.ACCOUNT_ID)
        .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMq(server, port);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
