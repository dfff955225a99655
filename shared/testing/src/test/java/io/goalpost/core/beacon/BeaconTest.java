package io.goalpost.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.UserAgents;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.PageEvent.Consent;
import io.goalpost.core.event.PageEvent.Kind;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.RecordingDropCounter;
import io.goalpost.testing.RecordingPageEventFallback;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §3 Page events: what the beacon keeps of what a page sends, over in-memory fakes. */
class BeaconTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final String OTHER_VISITOR = "Zz9yXw8vUt7sRq6pOn5mLk";
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String URL = "https://shop.example/spring?utm_source=fb&coupon=SAVE10#top";

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final RecordingPageEventFallback fallback = new RecordingPageEventFallback();
    private final RecordingDropCounter drops = new RecordingDropCounter();
    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    private static final String LINK_PREVIEW = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
    /** The real list is an adapter (shared/aws); here, one bot and "no user agent" stand for it. */
    private static final UserAgents BOTS = userAgent -> userAgent == null || userAgent.startsWith("Slackbot");

    private final Beacon beacon = new Beacon(queue, fallback, drops, BOTS,
            new FixedIds().withClickIds("minted0000000000000001"), Clock.fixed(NOW, ZoneOffset.UTC));

    private static PageEventFields pageView(String consent, String visitorId, String clickId, String eventId) {
        return new PageEventFields("page_view", URL, "https://www.facebook.com/?fbclid=abc", visitorId, clickId,
                consent, null, null, eventId);
    }

    private PageEvent accepted(PageEventFields fields, String cookie) {
        BeaconResult result = beacon.receive(fields, cookie, BROWSER);
        assertThat(result).isInstanceOf(BeaconResult.Accepted.class);
        return ((BeaconResult.Accepted) result).event();
    }

    @Test
    void underConsentAllKeepsBothIdsTheReceiptTimeAndTheReducedUrls() {
        PageEvent event = accepted(pageView("all", VISITOR, CLICK, "k3Jd9aQm2ZpX7rT1vB8nYc"), null);

        assertThat(event.kind()).isEqualTo(Kind.PAGE_VIEW);
        assertThat(event.consent()).isEqualTo(Consent.ALL);
        assertThat(event.visitorId()).isEqualTo(VISITOR);
        assertThat(event.clickId()).isEqualTo(CLICK);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.url()).isEqualTo("https://shop.example/spring?utm_source=fb");
        assertThat(event.referrer()).isEqualTo("https://www.facebook.com/");
        assertThat(queue.events()).containsExactly(event);
        assertThat(drops.counted()).isEmpty();
    }

    @Test
    void underConsentAllTakesTheVisitorIdFromTheCookieWhenTheBodyHasNone() {
        assertThat(accepted(pageView("all", null, null, null), VISITOR).visitorId()).isEqualTo(VISITOR);
    }

    @Test
    void theVisitorIdTheScriptSentWinsOverTheCookie() {
        assertThat(accepted(pageView("all", VISITOR, null, null), OTHER_VISITOR).visitorId()).isEqualTo(VISITOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "short", "Vq3mXkP9aZr2LdT8wYbN4c;admin=1"})
    void aMalformedCookieIsIgnoredNotRefused(String cookie) {
        assertThat(accepted(pageView("all", null, null, null), cookie).visitorId()).isNull();
    }

    @Test
    void underEssentialConsentDropsTheVisitorIdFromBodyAndCookieAndCountsTheDrop() {
        PageEvent event = accepted(pageView("essential", VISITOR, CLICK, null), OTHER_VISITOR);

        assertThat(event.consent()).isEqualTo(Consent.ESSENTIAL);
        assertThat(event.visitorId()).isNull();
        assertThat(event.clickId()).as("the click id of the URL still counts (SPEC §3 Consent)").isEqualTo(CLICK);
        assertThat(drops.counted()).containsExactly(DropReason.NO_CONSENT);
    }

    @Test
    void withoutConsentTheEventIsEssential() {
        PageEvent event = accepted(pageView(null, null, null, null), VISITOR);

        assertThat(event.consent()).isEqualTo(Consent.ESSENTIAL);
        assertThat(event.visitorId()).isNull();
        assertThat(drops.counted()).containsExactly(DropReason.NO_CONSENT);
    }

    @Test
    void anEssentialEventWithoutIdsCountsNoDrop() {
        accepted(pageView("essential", null, null, null), null);

        assertThat(drops.counted()).isEmpty();
    }

    @Test
    void aReSentEventGetsTheSameIdSoItCountsOnce() {
        PageEvent first = accepted(pageView("all", VISITOR, CLICK, "k3Jd9aQm2ZpX7rT1vB8nYc"), null);
        PageEvent again = accepted(pageView("all", VISITOR, CLICK, "k3Jd9aQm2ZpX7rT1vB8nYc"), null);

        assertThat(again.eventId()).isEqualTo(first.eventId()).matches("p:[0-9a-f]{32}");
    }

    @Test
    void twoVisitorsSendingTheSameEventIdGetDifferentIds() {
        PageEvent mine = accepted(pageView("all", VISITOR, null, "k3Jd9aQm2ZpX7rT1vB8nYc"), null);
        PageEvent theirs = accepted(pageView("all", OTHER_VISITOR, null, "k3Jd9aQm2ZpX7rT1vB8nYc"), null);
        PageEvent optIn = accepted(new PageEventFields("opt_in", URL, null, VISITOR, null, "all", "newsletter", null,
                "k3Jd9aQm2ZpX7rT1vB8nYc"), null);

        assertThat(mine.eventId()).isNotEqualTo(theirs.eventId()).isNotEqualTo(optIn.eventId());
    }

    @Test
    void anEventWithoutAnIdGetsAFreshOne() {
        assertThat(accepted(pageView("all", VISITOR, null, null), null).eventId()).isEqualTo("p:minted0000000000000001");
    }

    @Test
    void anOptInKeepsItsFormIdAndACheckoutViewItsProductIdAndNeitherTheOther() {
        PageEvent optIn = accepted(new PageEventFields("opt_in", URL, null, VISITOR, null, "all", "newsletter",
                "course-101", null), null);
        PageEvent checkout = accepted(new PageEventFields("checkout_view", URL, null, VISITOR, null, "all",
                "newsletter", "course-101", null), null);
        PageEvent view = accepted(new PageEventFields("page_view", URL, null, VISITOR, null, "all",
                "newsletter", "course-101", null), null);

        assertThat(optIn.formId()).isEqualTo("newsletter");
        assertThat(optIn.productId()).isNull();
        assertThat(checkout.productId()).isEqualTo("course-101");
        assertThat(checkout.formId()).isNull();
        assertThat(view.formId()).isNull();
        assertThat(view.productId()).isNull();
    }

    @Test
    void anEmptyReferrerIsNone() {
        assertThat(accepted(new PageEventFields("page_view", URL, "", null, null, null, null, null, null), null)
                .referrer()).isNull();
    }

    @Test
    void aQueueFailureHandsTheEventToTheFallbackAndStillAccepts() {
        queue.failWith(new IllegalStateException("queue down"));

        PageEvent event = accepted(pageView("all", VISITOR, CLICK, null), null);

        assertThat(fallback.kept()).containsExactly(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "type", "url:javascript", "url:relative", "url:long", "referrer", "visitorId", "clickId", "consent",
            "formId", "productId", "eventId:short", "eventId:chars"})
    void refusesAFieldOutsideItsRulesAsInvalidNamingTheFieldAndRecordsNothing(String wrong) {
        PageEventFields fields = switch (wrong) {
            case "type" -> new PageEventFields("purchase", URL, null, null, null, null, null, null, null);
            case "url:javascript" -> new PageEventFields("page_view", "javascript:alert(1)", null, null, null, null, null, null, null);
            case "url:relative" -> new PageEventFields("page_view", "/spring", null, null, null, null, null, null, null);
            case "url:long" -> new PageEventFields("page_view", "https://shop.example/" + "a".repeat(2048), null, null, null, null, null, null, null);
            case "referrer" -> new PageEventFields("page_view", URL, "android-app://com.example", null, null, null, null, null, null);
            case "visitorId" -> new PageEventFields("page_view", URL, null, "Vq3mXkP9aZr2LdT8wYbN4c!", null, "all", null, null, null);
            case "clickId" -> new PageEventFields("page_view", URL, null, null, "too-short", null, null, null, null);
            case "consent" -> new PageEventFields("page_view", URL, null, null, null, "yes", null, null, null);
            case "formId" -> new PageEventFields("opt_in", URL, null, null, null, null, "<form>", null, null);
            case "productId" -> new PageEventFields("checkout_view", URL, null, null, null, null, null, "p".repeat(65), null);
            case "eventId:short" -> new PageEventFields("page_view", URL, null, null, null, null, null, null, "abc1234");
            case "eventId:chars" -> new PageEventFields("page_view", URL, null, null, null, null, null, null, "k3Jd9aQm2Z pX7rT1");
            default -> throw new IllegalArgumentException(wrong);
        };

        BeaconResult result = beacon.receive(fields, null, BROWSER);

        assertThat(result).isInstanceOfSatisfying(BeaconResult.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(DropReason.INVALID);
            assertThat(refused.message()).startsWith(wrong.split(":")[0] + " ");
        });
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.INVALID);
    }

    @Test
    void aMissingTypeOrUrlIsInvalid() {
        assertThat(beacon.receive(new PageEventFields(null, URL, null, null, null, null, null, null, null), null, BROWSER))
                .isInstanceOf(BeaconResult.Refused.class);
        assertThat(beacon.receive(new PageEventFields("page_view", null, null, null, null, null, null, null, null), null, BROWSER))
                .isInstanceOf(BeaconResult.Refused.class);
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void aPageEventFromABotOrLinkPreviewIsAnsweredAsUsualButDroppedAsABotAndNeverQueued() {
        BeaconResult result = beacon.receive(pageView("all", VISITOR, CLICK, "k3Jd9aQm2ZpX7rT1vB8nYc"), null, LINK_PREVIEW);

        assertThat(result).isEqualTo(new BeaconResult.Ignored(DropReason.BOT));
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.BOT);
    }

    @Test
    void aPageEventWithoutAUserAgentIsDroppedAsABot() {
        BeaconResult result = beacon.receive(pageView("essential", null, null, null), null, null);

        assertThat(result).isEqualTo(new BeaconResult.Ignored(DropReason.BOT));
        assertThat(queue.events()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.BOT);
    }

    @Test
    void aBotsMalformedEventIsStillRefusedAsInvalid() {
        BeaconResult result = beacon.receive(new PageEventFields("purchase", URL, null, null, null, null, null, null, null),
                null, LINK_PREVIEW);

        assertThat(result).isInstanceOf(BeaconResult.Refused.class);
        assertThat(drops.counted()).containsExactly(DropReason.INVALID);
    }

    @Test
    void aRefusalMessageNeverEchoesWhatWasSent() {
        BeaconResult result = beacon.receive(new PageEventFields("<script>alert(1)</script>", URL, null, null, null,
                null, null, null, null), null, BROWSER);

        assertThat(((BeaconResult.Refused) result).message()).doesNotContain("<script>", "alert");
    }

    @Test
    void aRequestRefusedBeforeItsFieldsIsCountedUnderItsReason() {
        BeaconResult.Refused refused = beacon.refuse(DropReason.TOO_LARGE, "too large");

        assertThat(refused.reason()).isEqualTo(DropReason.TOO_LARGE);
        assertThat(drops.counted()).containsExactly(DropReason.TOO_LARGE);
    }
}
