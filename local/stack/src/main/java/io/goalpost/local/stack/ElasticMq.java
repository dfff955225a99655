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

  /** On a free port. */
  public static ElasticMq start() {
    return start(0);
  }

  /**
   * On this port (0 = a free one), e.g. the port of an instance that was stopped, so that every
   * queue URL handed out before stays valid.
   */
  public static ElasticMq start(int port) {
    SQSRestServer server = SQSRestServerBuilder
        .withInterface("127.0.0.1")
        .withPort(port)
        // Queue ARNs then name the region the functions are told they run in.
        .withAWSRegion(LocalStack.REGION)
        .withAWSAccountId(LocalStack.ACCOUNT_ID)
        .start();
    int bound = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMq(server, bound);
  }

  public int port() {
    return endpoint.getPort();
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
