package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.LeadEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonLeadTest {

  private final EventJson json = new EventJson();
  private static final Instant AT = Instant.parse("2025-04-01T09:30:00Z");

  @Test
  void aPersonalisedClickCarriesItsLeadThroughTheQueue() {
    ClickEvent click = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null, AT, false,
        ClickEvent.leadClicker("LeadAbcdefgh12345678"), "LeadAbcdefgh12345678");

    assertThat(json.encode(click)).contains("\"leadId\":\"LeadAbcdefgh12345678\"");
    assertThat(json.decode(json.encode(click))).isEqualTo(click);
  }

  @Test
  void aVersion2ClickReadsAsAClickWithoutALeadEvenIfItNamesOne() {
    String v2 = "{\"v\":2,\"type\":\"click\",\"eventId\":\"Ab3dEf6hIj9kLm2nOp5qRs\",\"occurredAt\":\"2025-04-01T09:30:00Z\","
        + "\"slug\":\"spring\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs\",\"bot\":false,\"clicker\":\"cid#x\","
        + "\"leadId\":\"LeadAbcdefgh12345678\"}";

    assertThat(((ClickEvent) json.decode(v2)).leadId()).isNull();
  }

  @Test
  void readsBackEachKindOfLeadEventAndNeverCarriesAnEmail() {
    LeadEvent optIn = LeadEvent.optIn("api:e1", AT, "LeadAbcdefgh12345678", "Vq3mXkP9aZr2LdT8wYbN4c",
        "Ab3dEf6hIj9kLm2nOp5qRs", "newsletter");
    LeadEvent consent = LeadEvent.consent("api:e2", AT, "LeadAbcdefgh12345678");
    LeadEvent erase = LeadEvent.erase("api:e3", AT, "LeadAbcdefgh12345678");

    for (LeadEvent event : new LeadEvent[] {optIn, consent, erase}) {
      assertThat(json.decode(json.encode(event))).isEqualTo(event);
      assertThat(json.encode(event)).doesNotContain("email").doesNotContain("@");
    }
  }
}
