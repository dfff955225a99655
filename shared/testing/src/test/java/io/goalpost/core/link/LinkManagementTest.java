package io.goalpost.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.link.ChangeLinkResult.Changed;
import io.goalpost.core.link.CreateLinkResult.Invalid;
import io.goalpost.core.link.ListLinksResult.Page;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryLinkStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing, changing and archiving links (SPEC §4), over the in-memory store. */
class LinkManagementTest {

    private static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final Links links = new Links(store, new FixedIds(), Clock.fixed(T0, ZoneOffset.UTC));

    private Link stored(String slug, int minutesAfterT0) {
        Link link = new Link(slug, "Link " + slug, "https://shop.example.com/" + slug, "newsletter", "spring",
                Goal.purchase(null), 30, false, T0.plusSeconds(60L * minutesAfterT0), false);
        store.create(link);
        return link;
    }

    private Page page(String limit, String cursor) {
        return (Page) links.list(limit, cursor);
    }

    // ---- list -------------------------------------------------------------------------------

    @Test
    void listsFiftyNewestFirstByDefaultThenTheRestWithTheCursor() {
        for (int i = 0; i < 60; i++) {
            stored(String.format("l%02d", i), i);
        }

        Page first = page(null, null);
        Page second = page(null, first.nextCursor());

        assertThat(first.items()).hasSize(50).first().extracting(Link::slug).isEqualTo("l59");
        assertThat(first.items().get(49).slug()).isEqualTo("l10");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).extracting(Link::slug).containsExactly(
                "l09", "l08", "l07", "l06", "l05", "l04", "l03", "l02", "l01", "l00");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void walksEveryLinkOnceWithTheSmallestPagesAndEndsWithoutACursorOnAFullLastPage() {
        for (int i = 0; i < 4; i++) {
            stored("s" + i, 0);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page page = page("2", cursor);
            page.items().forEach(link -> seen.add(link.slug()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("s3", "s2", "s1", "s0");
        assertThat(pages).as("no empty page after the last full one").isEqualTo(2);
    }

    @Test
    void answersAnEmptyListWithoutACursor() {
        assertThat(page("100", null)).isEqualTo(new Page(List.of(), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", "0050", "99999999999"})
    void refusesALimitOutsideOneToAHundred(String limit) {
        assertThat(links.list(limit, null))
                .isEqualTo(new ListLinksResult.Invalid("limit must be a whole number from 1 to 100"));
    }

    @Test
    void acceptsTheLimitsAtTheEdges() {
        stored("a", 0);
        stored("b", 1);

        assertThat(page("1", null).items()).extracting(Link::slug).containsExactly("b");
        assertThat(page("100", null).items()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm90IGEgY3Vyc29y", "", "MjAyNS0wNC0wMVQwOTowMDowMFojPHNjcmlwdD4"})
    void refusesACursorItDidNotGiveOut(String cursor) {
        assertThat(links.list(null, cursor)).isInstanceOfSatisfying(ListLinksResult.Invalid.class,
                invalid -> assertThat(invalid.message()).contains("cursor"));
    }

    @Test
    void givesOutAnOpaqueCursorNamingTheLastLinkOfThePage() {
        stored("a", 0);
        stored("b", 1);

        String cursor = page("1", null).nextCursor();

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .isEqualTo("2025-04-01T09:01:00Z#b");
    }

    // ---- change -----------------------------------------------------------------------------

    @Test
    void changesNameDestinationChannelAndCampaignKeepingEverythingElse() {
        Link link = stored("spring", 0);

        ChangeLinkResult result = links.change("spring", new LinkChange("Spring (video)", "https://shop.example.com/v2",
                "youtube-ads", "spring-video"));

        Link expected = new Link("spring", "Spring (video)", "https://shop.example.com/v2", "youtube-ads", "spring-video",
                link.goal(), 30, false, link.createdAt(), false);
        assertThat(result).isEqualTo(new Changed(expected));
        assertThat(store.find("spring")).contains(expected);
    }

    @Test
    void leavesAbsentFieldsAsTheyAreAndRemovesAnEmptiedCampaign() {
        stored("spring", 0);

        links.change("spring", new LinkChange(null, null, "email", null));
        assertThat(store.find("spring").orElseThrow()).satisfies(link -> {
            assertThat(link.channel()).isEqualTo("email");
            assertThat(link.name()).isEqualTo("Link spring");
            assertThat(link.campaign()).isEqualTo("spring");
        });

        links.change("spring", new LinkChange(null, null, null, ""));
        assertThat(store.find("spring").orElseThrow().campaign()).isNull();
    }

    @Test
    void checksAChangedFieldAsOnCreationAndChangesNothingWhenOneIsWrong() {
        Link link = stored("spring", 0);

        assertThat(links.change("spring", new LinkChange("ok", "javascript:alert(1)", null, null)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("destination"));
        assertThat(links.change("spring", new LinkChange(null, null, "Facebook Ads", null)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("channel"));
        assertThat(links.change("spring", new LinkChange("", null, null, null)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("name"));
        assertThat(links.change("spring", new LinkChange(null, null, null, "x".repeat(201))))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("campaign"));
        assertThat(store.find("spring")).contains(link);
    }

    @Test
    void normalizesAChangedDestinationAsOnCreation() {
        stored("spring", 0);

        links.change("spring", new LinkChange(null, "https://shop.example.com/été", null, null));

        assertThat(store.find("spring").orElseThrow().destination()).isEqualTo("https://shop.example.com/%C3%A9t%C3%A9");
    }

    @Test
    void findsNoLinkToChangeForAnUnknownOrMalformedSlug() {
        assertThat(links.change("nope", new LinkChange("x", null, null, null)))
                .isInstanceOf(ChangeLinkResult.UnknownLink.class);
        assertThat(links.change("<script>", new LinkChange("x", null, null, null)))
                .isInstanceOf(ChangeLinkResult.UnknownLink.class);
        assertThat(store.size()).isZero();
    }

    @Test
    void changesAnArchivedLinkWhichStaysArchived() {
        stored("old", 0);
        links.archive("old");

        ChangeLinkResult result = links.change("old", new LinkChange(null, null, "email", null));

        assertThat(result).isInstanceOfSatisfying(Changed.class, changed -> {
            assertThat(changed.link().channel()).isEqualTo("email");
            assertThat(changed.link().archived()).isTrue();
        });
    }

    // ---- archive ----------------------------------------------------------------------------

    @Test
    void archivesALinkKeepingItAndItsSlugAndArchivingAgainIsFine() {
        stored("spring", 0);

        assertThat(links.archive("spring")).isTrue();
        assertThat(links.archive("spring")).isTrue();

        assertThat(links.find("spring").orElseThrow().archived()).isTrue();
        assertThat(links.create(new NewLink("Again", "https://example.com", "ads", null, "spring", null, null, null)))
                .isEqualTo(new CreateLinkResult.SlugTaken("spring"));
    }

    @Test
    void archivesNothingForAnUnknownOrMalformedSlug() {
        assertThat(links.archive("nope")).isFalse();
        assertThat(links.archive(null)).isFalse();
        assertThat(links.archive("a/b")).isFalse();
    }
}
