package io.goalpost.aws.counter;

import java.time.Instant;

/**
 * Another caller is applying this operation right now (an SQS message delivered twice at once, or
 * a second worker finishing a credit move its writer is still applying), or a caller died while
 * applying it less than a lease ago. Nothing was written. It is a normal failure: the worker fails
 * the message, and SQS delivers it again after the visibility timeout (60 s), by which time the
 * operation is done or its lease has run out and the redelivery finishes it.
 */
public final class OperationInProgress extends RuntimeException {

  private final String operationId;

  OperationInProgress(String operationId, Instant leaseUntil) {
    super("operation " + operationId + " is being applied by another caller, leased until " + leaseUntil);
    this.operationId = operationId;
  }

  OperationInProgress(String operationId, String why) {
    super("operation " + operationId + ": " + why);
    this.operationId = operationId;
  }

  public String operationId() {
    return operationId;
  }
}
