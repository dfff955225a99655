package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.testing.TestEmailSeal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final EventJson json = new EventJson();
    private final ClickEvent click =
            new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", "Vq3mXkP9aZr2LdT8wYbN4c", Instant.parse("2025-04-01T09:30:00.123Z"));
    private final ClickEvent hashed = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null,
            Instant.parse("2025-04-01T09:30:00Z"), false, "h#n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg");
    private final ClickEvent bot = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null,
            Instant.parse("2025-04-01T09:30:00Z"), true, "cid#Ab3dEf6hIj9kLm2nOp5qRs");

    @Test
    void writesAClickWithVersionTypeIdEventTimeWhetherABotSentItAndItsClicker() {
        assertThat(json.encode(click)).isEqualTo("{\"v\":3,\"type\":\"click\",\"eventId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"occurredAt\":\"2025-04-01T09:30:00.123Z\",\"slug\":\"spring\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"visitorId\":\"Vq3mXkP9aZr2LdT8wYbN4c\",\"bot\":false,\"clicker\":\"vid#Vq3mXkP9aZr2LdT8wYbN4c\"}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(json.decode(json.encode(click))).isEqualTo(click);
        assertThat(json.decode(json.encode(hashed))).isEqualTo(hashed);
        assertThat(json.decode(json.encode(bot))).isEqualTo(bot);
    }

    /** Version 1 clicks may still sit in the outbox or the dead-letter queue when version 2 ships. */
    @Test
    void readsAVersionOneClickAsAPersonsClickedByItsVisitorElseItself() {
        ClickEvent withVisitor = (ClickEvent) json.decode("{\"v\":1,\"type\":\"click\",\"eventId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"occurredAt\":\"2025-04-01T09:30:00.123Z\",\"slug\":\"spring\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"visitorId\":\"Vq3mXkP9aZr2LdT8wYbN4c\"}");
        ClickEvent anonymous = (ClickEvent) json.decode("{\"v\":1,\"type\":\"click\",\"eventId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"occurredAt\":\"2025-04-01T09:30:00Z\",\"slug\":\"spring\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs\"}");

        assertThat(withVisitor).isEqualTo(click);
        assertThat(withVisitor.bot()).isFalse();
        assertThat(withVisitor.clicker()).isEqualTo("vid#Vq3mXkP9aZr2LdT8wYbN4c");
        assertThat(anonymous.bot()).isFalse();
        assertThat(anonymous.clicker()).isEqualTo("cid#Ab3dEf6hIj9kLm2nOp5qRs");
    }

    @Test
    void refusesAVersionTwoClickWithoutItsBotFlagOrClicker() {
        String encoded = json.encode(hashed);

        assertThatThrownBy(() -> json.decode(encoded.replace(",\"bot\":false", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bot");
        assertThatThrownBy(() -> json.decode(encoded.replace("\"bot\":false", "\"bot\":\"no\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bot");
        assertThatThrownBy(() -> json.decode(encoded.replaceAll(",\"clicker\":\"[^\"]*\"", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clicker");
    }

    @Test
    void leavesOutAMissingVisitorIdAndReadsItBackAsNone() {
        ClickEvent anonymous = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-01T09:30:00Z"));

        assertThat(json.encode(anonymous)).doesNotContain("visitorId");
        assertThat(json.decode(json.encode(anonymous))).isEqualTo(anonymous);
    }

    @Test
    void refusesAnEventOfAnUnknownTypeOrVersion() {
        assertThatThrownBy(() -> json.decode(json.encode(click).replace("\"v\":3", "\"v\":4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode(json.encode(click).replace("\"click\"", "\"sale\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMessageThatIsNotAnEvent() {
        assertThatThrownBy(() -> json.decode("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("{\"v\":1,\"type\":\"click\",\"slug\":\"s\",\"clickId\":\"c\",\"occurredAt\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("{\"v\":1,\"type\":\"click\",\"clickId\":\"c\",\"occurredAt\":\"2025-04-01T09:30:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
    }

    @Test
    void readsBackAnOrderEventWithEveryFieldAndWithoutTheOptionalOnes() {
        OrderEvent full = new OrderEvent(OrderEvent.Kind.REFUND, "orders:msg_1", Instant.parse("2025-04-02T10:00:00Z"),
                "ord_1", "pay_2", "course-101", 1500, "EUR", TestEmailSeal.sealed("buyer@example.com", "orders:msg_1"),
                "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs");
        OrderEvent bare = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_2", Instant.parse("2025-04-02T10:00:00Z"),
                "ord_2", null, "course-101", 0, "USD", null, null, null);

        assertThat(json.decode(json.encode(full))).isEqualTo(full);
        assertThat(json.decode(json.encode(bare))).isEqualTo(bare);
        assertThat(json.encode(bare)).doesNotContain("mail", "visitorId", "clickId", "paymentId");
    }

    @Test
    void writesAnOrdersEmailOnlySealedUnderVersion2() throws Exception {
        OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_1", Instant.parse("2025-04-02T10:00:00Z"),
                "ord_1", null, "course-101", 1500, "EUR", TestEmailSeal.sealed("buyer@example.com", "orders:msg_1"),
                null, null);

        String wire = json.encode(sale);

        assertThat(wire).doesNotContain("@").doesNotContain("\"email\"");
        assertThat(new ObjectMapper().readTree(wire).path("v").asInt()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(wire).path("sealedEmail").asText()).startsWith("v1.");
    }

    @Test
    void readsAVersion1OrderThatCarriedItsEmailInClearWithoutTheEmail() {
        TrackingEvent read = json.decode("{\"v\":1,\"type\":\"order\",\"eventId\":\"orders:msg_old\","
                + "\"occurredAt\":\"2025-04-02T10:00:00Z\",\"kind\":\"sale\",\"orderId\":\"ord_1\","
                + "\"productId\":\"course-101\",\"amount\":1500,\"currency\":\"EUR\","
                + "\"email\":\"buyer@example.com\"}");

        assertThat(read).isInstanceOf(OrderEvent.class);
        assertThat(((OrderEvent) read).sealedEmail()).isNull();
        assertThat(read.toString()).doesNotContain("@");
    }

    @Test
    void refusesAVersion2OrderWhoseEmailIsNotSealed() {
        assertThatThrownBy(() -> json.decode("{\"v\":2,\"type\":\"order\",\"eventId\":\"orders:msg_x\","
                + "\"occurredAt\":\"2025-04-02T10:00:00Z\",\"kind\":\"sale\",\"orderId\":\"ord_1\","
                + "\"productId\":\"course-101\",\"amount\":1500,\"currency\":\"EUR\","
                + "\"sealedEmail\":\"buyer@example.com\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("buyer");
    }

    @Test
    void refusesAnOrderEventWhoseAmountIsNotAnInteger() {
        String sale = json.encode(new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_3", Instant.parse("2025-04-02T10:00:00Z"),
                "ord_3", null, "course-101", 4900, "USD", null, null, null));

        assertThatThrownBy(() -> json.decode(sale.replace("4900", "49.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode(sale.replace("4900", "-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsBackAPageEventUnderEachConsent() {
        PageEvent all = new PageEvent(PageEvent.Kind.OPT_IN, "page:e1", Instant.parse("2025-04-02T10:00:00Z"),
                "https://shop.example/join?utm_source=fb", "https://facebook.com/", PageEvent.Consent.ALL,
                "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs", "newsletter", null);
        PageEvent essential = new PageEvent(PageEvent.Kind.PAGE_VIEW, "page:e2", Instant.parse("2025-04-02T10:00:00Z"),
                "https://shop.example/", null, PageEvent.Consent.ESSENTIAL, null, null, null, null);

        assertThat(json.decode(json.encode(all))).isEqualTo(all);
        assertThat(json.decode(json.encode(essential))).isEqualTo(essential);
        assertThat(json.encode(essential)).doesNotContain("visitorId", "clickId");
    }
}
