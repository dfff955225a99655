package io.goalpost.aws.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookLogTest {

  private final List<String> lines = new ArrayList<>();
  private final WebhookLog log = new WebhookLog(lines::add);

  @Test
  void aRefusalLogsItsReasonWithoutTheFieldNameTheSenderChose() {
    log.refused("POST /webhooks/orders", "msg_1", "unknown field \"ada@example.com\"");

    assertThat(lines).singleElement().asString()
        .contains("webhook_refused", "msg_1", "unknown field").doesNotContain("ada@example.com");
  }

  @Test
  void aQuotedNameHoldingQuotesIsLeftOutWhole() {
    log.refused("POST /webhooks/orders", "msg_2", "unknown field \"x\"ada@example.com\"");
    log.refused("POST /webhooks/orders", "msg_3", "unknown field \"ada@example.com");

    assertThat(lines).hasSize(2).noneMatch(line -> line.contains("example.com"));
  }

  @Test
  void aReasonThatQuotesNothingIsLoggedAsItIs() {
    log.refused("POST /webhooks/orders", "msg_4", "amount must be a number (an integer in minor units, such as 4900)");

    assertThat(lines).singleElement().asString().contains("amount must be a number (an integer in minor units, such as 4900)");
  }
}
