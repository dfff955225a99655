package io.goalpost.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

  static Path repositoryTemplate() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    return dir.resolve("template.yaml");
  }

  private static final String SMALL = """
      Parameters:
        Secret: {Type: String, NoEcho: true}
        Model: {Type: String, Default: last_touch}
        Origins: {Type: CommaDelimitedList, Default: "https://a.example,https://b.example"}
        Domain: {Type: String, Default: ""}
      Conditions:
        HasDomain: !Not [!Equals [!Ref Domain, ""]]
      Globals:
        Function:
          Timeout: 10
          Environment:
            Variables:
              TABLE_NAME: !Ref Table
              SHARED: global
      Resources:
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.example.Worker::handleRequest
            Environment:
              Variables:
                SHARED: own
                QUEUE_ARN: !GetAtt Queue.Arn
                URL: !Sub "https://${Domain}x.${AWS::Region}/${Queue.QueueName}"
                MODEL: !Ref Model
                ORIGINS: !Ref Origins
                MAYBE: !If [HasDomain, !Ref Domain, !Ref AWS::NoValue]
            Events:
              Poll: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn, BatchSize: 5, FunctionResponseTypes: [ReportBatchItemFailures], ScalingConfig: {MaximumConcurrency: 3}}}
              Tick: {Type: Schedule, Properties: {Schedule: rate(1 minute)}}
            Policies:
              - SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}
              - AWSLambdaBasicExecutionRole
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 60
            RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
        Dlq: {Type: AWS::SQS::Queue}
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
            KeySchema: [{AttributeName: pk, KeyType: HASH}]
      """;

  private final SamTemplate template = SamTemplate.parse(SMALL);

  private Intrinsics local(Map<String, String> parameters) {
    return new Intrinsics(template, parameters,
        Map.of("Table", "local-table", "Queue", "http://q/Queue", "Dlq", "http://q/Dlq"),
        Map.of("Queue", Map.of("Arn", "arn:aws:sqs:us-east-1:000000000000:Queue", "QueueName", "Queue")),
        "us-east-1");
  }

  @Test
  void mergesGlobalsUnderTheFunctionsOwnEnvironmentAndResolvesEveryIntrinsic() {
    Map<String, String> env = template.environmentFor("Worker",
        local(Map.of("Secret", "s", "Domain", "d.example")));

    assertThat(env).containsEntry("TABLE_NAME", "local-table")
        .containsEntry("SHARED", "own")
        .containsEntry("QUEUE_ARN", "arn:aws:sqs:us-east-1:000000000000:Queue")
        .containsEntry("URL", "https://d.examplex.us-east-1/Queue")
        .containsEntry("MODEL", "last_touch")
        .containsEntry("ORIGINS", "https://a.example,https://b.example")
        .containsEntry("MAYBE", "d.example");
  }

  @Test
  void dropsAVariableWhoseConditionResolvesToNoValue() {
    Map<String, String> env = template.environmentFor("Worker", local(Map.of("Secret", "s")));

    assertThat(env).doesNotContainKey("MAYBE");
  }

  @Test
  void refusesAParameterWithoutDefaultOrLocalValue() {
    assertThatThrownBy(() -> local(Map.of())).hasMessageContaining("Secret");
  }

  @Test
  void readsEventSourcesSchedulesAndPolicies() {
    SamTemplate.FunctionDef worker = template.function("Worker").orElseThrow();

    assertThat(worker.handlerClass()).isEqualTo("com.example.Worker");
    assertThat(worker.timeoutSeconds()).isEqualTo(10);
    assertThat(worker.sqsSources()).containsExactly(
        new SamTemplate.SqsSource("Poll", "Queue", 5, true, 3));
    assertThat(worker.schedules()).singleElement()
        .satisfies(s -> assertThat(s.period()).isEqualTo(Duration.ofMinutes(1)));
    assertThat(worker.policies()).extracting(SamTemplate.PolicyDef::template)
        .containsExactly("SQSPollerPolicy", "AWSLambdaBasicExecutionRole");
  }

  @Test
  void readsQueuesWithTheirRedriveAndTablesWithTheirKeys() {
    assertThat(template.queues()).contains(
        new SamTemplate.QueueDef("Queue", null, 60, null, "Dlq", 5, false));
    assertThat(template.tables()).singleElement()
        .satisfies(t -> assertThat(t.hashKey()).isEqualTo("pk"));
  }

  @Test
  void readsTheRepositoryTemplate() {
    SamTemplate real = SamTemplate.load(repositoryTemplate());
    Map<String, String> parameters = LocalParameters.forTemplate(real, Map.of());
    Intrinsics intrinsics = new Intrinsics(real, parameters,
        Map.of("GoalpostTable", "GoalpostTable", "EventsQueue", "http://q/EventsQueue",
            "EventsDeadLetterQueue", "http://q/EventsDeadLetterQueue"),
        Map.of("EventsQueue", Map.of("Arn", "arn:q", "QueueName", "EventsQueue"),
            "EventsDeadLetterQueue", Map.of("Arn", "arn:dlq", "QueueName", "EventsDeadLetterQueue")),
        "us-east-1");

    assertThat(real.function("RedirectFunction").orElseThrow().routes())
        .extracting(SamTemplate.HttpRoute::routeKey)
        .containsExactlyInAnyOrder("GET /l/{slug}", "HEAD /l/{slug}");
    assertThat(real.environmentFor("ApiFunction", intrinsics))
        .containsEntry("TABLE_NAME", "GoalpostTable")
        .containsEntry("API_KEY_HASHES", LocalParameters.sha256Hex(LocalParameters.LOCAL_API_KEY));
    assertThat(real.queues()).filteredOn(q -> q.logicalId().equals("EventsQueue"))
        .singleElement().satisfies(q -> assertThat(q.maxReceiveCount()).isEqualTo(5));
  }

  @Test
  void onlyRateSchedulesRunLocally() {
    assertThatThrownBy(() -> SamTemplate.period("cron(0 12 * * ? *)"))
        .hasMessageContaining("rate(");
    assertThatThrownBy(() -> SamTemplate.period("rate(1 minutes)")).hasMessageContaining("refuses");
    assertThatThrownBy(() -> SamTemplate.period("rate(5 minute)")).hasMessageContaining("refuses");
    assertThat(SamTemplate.period("rate(2 hours)")).isEqualTo(Duration.ofHours(2));
  }
}
