package io.goalpost.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.local.template.SamTemplate.QueueDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsQueuesTest {

  @Test
  void createsDeadLetterQueuesBeforeTheQueuesThatRedriveToThem() {
    List<QueueDef> declared = List.of(queue("Events", "EventsDlq"), queue("EventsDlq", "LastResort"),
        queue("Other", null), queue("LastResort", null));

    assertThat(SqsQueues.inDependencyOrder(declared)).extracting(QueueDef::logicalId)
        .containsExactly("LastResort", "EventsDlq", "Events", "Other");
  }

  @Test
  void rejectsDeadLetterQueuesThatRedriveInACircle() {
    assertThatThrownBy(() -> SqsQueues.inDependencyOrder(List.of(queue("A", "B"), queue("B", "A"))))
        .hasMessageContaining("cycle");
  }

  @Test
  void rejectsARedriveToSomethingThatIsNotAQueueInTheTemplate() {
    assertThatThrownBy(() -> SqsQueues.inDependencyOrder(List.of(queue("A", "Missing"))))
        .hasMessageContaining("Missing");
  }

  private static QueueDef queue(String id, String deadLetterTarget) {
    return new QueueDef(id, null, 30, null, deadLetterTarget, deadLetterTarget == null ? null : 5,
        false);
  }
}
