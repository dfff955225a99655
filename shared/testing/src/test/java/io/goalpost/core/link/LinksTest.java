package io.goalpost.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.link.CreateLinkResult.Created;
import io.goalpost.core.link.CreateLinkResult.Invalid;
import io.goalpost.core.link.CreateLinkResult.SlugTaken;
import io.goalpost.core.link.NewLink.NewGoal;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryLinkStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class LinksTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00.123456Z");

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final FixedIds ids = new FixedIds();
    private final Links links = new Links(store, ids, Clock.fixed(NOW, ZoneOffset.UTC));

    private static NewLink request(String slug) {
        return new NewLink("Spring sale", "https://shop.example.com/spring", "facebook-ads", null, slug, null, null, null);
    }

    @Test
    void createsALinkWithTheDefaultsOfTheSpec() {
        CreateLinkResult result = links.create(request("spring"));

        Link expected = new Link("spring", "Spring sale", "https://shop.example.com/spring", "facebook-ads", null, null,
                30, false, Instant.parse("2025-04-01T09:30:00.123Z"), false);
        assertThat(result).isEqualTo(new Created(expected));
        assertThat(store.find("spring")).contains(expected);
    }

    @Test
    void keepsEveryFieldItWasGiven() {
        NewLink full = new NewLink("Spring", "https://shop.example.com/p", "email", "spring-2025", "s1",
                new NewGoal("page_visit", null, "https://shop.example.com/thanks", null), 7, true);

        Link link = ((Created) links.create(full)).link();

        assertThat(link.campaign()).isEqualTo("spring-2025");
        assertThat(link.goal()).isEqualTo(Goal.pageVisit("https://shop.example.com/thanks"));
        assertThat(link.attributionWindowDays()).isEqualTo(7);
        assertThat(link.countRebills()).isTrue();
    }

    @Test
    void generatesASlugWhenNoneIsGiven() {
        ids.withSlugs("Ab3dE6h");

        Link link = ((Created) links.create(request(null))).link();

        assertThat(link.slug()).isEqualTo("Ab3dE6h");
        assertThat(store.find("Ab3dE6h")).isPresent();
    }

    @Test
    void triesAnotherGeneratedSlugWhenOneIsTaken() {
        links.create(request("Ab3dE6h"));
        ids.withSlugs("Ab3dE6h", "Zy9xW8v");

        Link link = ((Created) links.create(request(null))).link();

        assertThat(link.slug()).isEqualTo("Zy9xW8v");
    }

    @Test
    void givesUpLoudlyWhenGeneratedSlugsKeepColliding() {
        links.create(request("same"));
        for (int i = 0; i < Links.SLUG_ATTEMPTS; i++) {
            ids.withSlugs("same");
        }

        assertThatThrownBy(() -> links.create(request(null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATakenSlugAndKeepsTheFirstLink() {
        links.create(request("spring"));
        NewLink other = new NewLink("Other", "https://other.example.com", "ads", null, "spring", null, null, null);

        assertThat(links.create(other)).isEqualTo(new SlugTaken("spring"));
        assertThat(store.find("spring")).get().extracting(Link::name).isEqualTo("Spring sale");
    }

    @Test
    void storesNothingForAnInvalidRequest() {
        CreateLinkResult result = links.create(
                new NewLink("Spring", "javascript:alert(1)", "ads", null, "x", null, null, null));

        assertThat(result).isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("destination"));
        assertThat(store.size()).isZero();
    }

    @Test
    void storesTheDestinationInItsAsciiForm() {
        NewLink request = new NewLink("Café", "https://example.com/café?q=crème", "ads", null, "cafe", null, null, null);

        Link link = ((Created) links.create(request)).link();

        assertThat(link.destination()).isEqualTo("https://example.com/caf%C3%A9?q=cr%C3%A8me");
    }

    @Test
    void treatsABlankCampaignAsNone() {
        NewLink request = new NewLink("Spring", "https://example.com", "ads", "  ", "blank", null, null, null);

        assertThat(((Created) links.create(request)).link().campaign()).isNull();
    }

    @Test
    void findsALinkByItsExactSlugOnly() {
        links.create(request("Spring"));

        assertThat(links.find("Spring")).isPresent();
        assertThat(links.find("spring")).isEmpty();
        assertThat(links.find("<script>")).isEmpty();
        assertThat(links.find(null)).isEmpty();
    }
}
