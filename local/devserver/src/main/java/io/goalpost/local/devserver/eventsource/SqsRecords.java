package io.goalpost.local.devserver.eventsource;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Turns received messages into the {@link SQSEvent} Lambda's SQS event source would send. */
final class SqsRecords {

  private final String queueArn;
  private final String region;

  SqsRecords(String queueArn) {
    this.queueArn = queueArn;
    // arn:aws:sqs:<region>:<account>:<name>
    String[] parts = queueArn.split(":");
    if (parts.length < 6 || !parts[2].equals("sqs")) {
      throw new IllegalArgumentException("not an SQS queue ARN: " + queueArn);
    }
    this.region = parts[3];
  }

  SQSEvent event(List<Message> messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(messages.stream().map(this::record).toList());
    return event;
  }

  private SQSEvent.SQSMessage record(Message message) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
    record.setMessageAttributes(attributes(message.messageAttributes()));
    record.setMd5OfBody(message.md5OfBody());
    record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
    record.setEventSource("aws:sqs");
    record.setEventSourceArn(queueArn);
    record.setAwsRegion(region);
    return record;
  }

  private static Map<String, SQSEvent.MessageAttribute> attributes(
      Map<String, MessageAttributeValue> received) {
    Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
    received.forEach((name, value) -> {
      SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
      attribute.setDataType(value.dataType());
      attribute.setStringValue(value.stringValue());
      attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
      // Lambda always sends both lists, empty when unused.
      attribute.setStringListValues(List.copyOf(value.stringListValues()));
      attribute.setBinaryListValues(value.binaryListValues().stream()
          .map(SdkBytes::asByteBuffer).toList());
      attributes.put(name, attribute);
    });
    return attributes;
  }
}
