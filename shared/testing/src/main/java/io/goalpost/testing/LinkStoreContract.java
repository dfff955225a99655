package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.LinkPosition;
import io.goalpost.core.link.LinkUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every LinkStore must do. Extend it with a store to check (the in-memory fake and the
 * DynamoDB adapter both do), so the fake the unit tests lean on cannot drift from the real one.
 * Slugs carry a per-test suffix, so a store shared between tests (one emulator table) works.
 */
public abstract class LinkStoreContract {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** The store under test; called once per test method or more (return the same one). */
    protected abstract LinkStore store();

    @Test
    void findsALinkItCreated() {
        Link link = link("spring-" + suffix, "https://shop.example.com/spring");

        assertThat(store().create(link)).isTrue();

        assertThat(store().find(link.slug())).contains(link);
    }

    @Test
    void refusesASecondLinkWithATakenSlugAndKeepsTheFirst() {
        Link first = link("taken-" + suffix, "https://shop.example.com/first");
        Link second = link("taken-" + suffix, "https://shop.example.com/second");
        store().create(first);

        assertThat(store().create(second)).isFalse();

        assertThat(store().find(first.slug())).contains(first);
    }

    @Test
    void findsNothingForAnUnknownSlug() {
        assertThat(store().find("unknown-" + suffix)).isEmpty();
    }

    @Test
    void keepsEveryFieldOfALinkWithAGoalAndACampaign() {
        Link link = new Link("full-" + suffix, "Spring sale – ads", "https://shop.example.com/p?x=1#top",
                "facebook-ads", "spring-2025", Goal.purchase("prod_123"), 7, true,
                Instant.parse("2025-03-01T10:15:30.123Z"), true);
        store().create(link);

        assertThat(store().find(link.slug())).contains(link);
    }

    @Test
    void keepsALinkWithoutCampaignOrGoal() {
        Link link = new Link("bare-" + suffix, "Bare", "https://example.com", "email", null, null, 30, false,
                Instant.parse("2025-03-01T00:00:00Z"), false);
        store().create(link);

        assertThat(store().find(link.slug())).contains(link);
    }

    @Test
    void keepsEachKindOfGoal() {
        Link optIn = withGoal("optin-" + suffix, Goal.optIn("form-7"));
        Link anyForm = withGoal("anyform-" + suffix, Goal.optIn(null));
        Link pageVisit = withGoal("visit-" + suffix, Goal.pageVisit("https://shop.example.com/thanks"));
        Link anyProduct = withGoal("anyprod-" + suffix, Goal.purchase(null));
        for (Link link : new Link[] {optIn, anyForm, pageVisit, anyProduct}) {
            store().create(link);

            assertThat(store().find(link.slug())).contains(link);
        }
    }

    @Test
    void treatsSlugsThatDifferOnlyInCaseAsDifferentLinks() {
        Link upper = link("Case-" + suffix, "https://example.com/upper");
        Link lower = link("case-" + suffix, "https://example.com/lower");

        assertThat(store().create(upper)).isTrue();
        assertThat(store().create(lower)).isTrue();

        assertThat(store().find(upper.slug())).contains(upper);
        assertThat(store().find(lower.slug())).contains(lower);
        assertThat(store().find("CASE-" + suffix)).isEmpty();
    }

    // ---- list -------------------------------------------------------------------------------

    @Test
    void listsLinksNewestFirstThenBySlugDescendingPageByPage() {
        Instant t = Instant.parse("2031-05-06T07:08:09.123Z");
        List<Link> mine = List.of(
                at("a-" + suffix, t.plusSeconds(3)),
                at("c-" + suffix, t.plusSeconds(2)),
                at("b-" + suffix, t.plusSeconds(2)),
                at("z-" + suffix, t.plusSeconds(1)),
                at("y-" + suffix, t));
        List.of(mine.get(3), mine.get(0), mine.get(4), mine.get(2), mine.get(1)).forEach(store()::create);

        List<Link> listed = new ArrayList<>();
        LinkPosition after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<Link> page = store().newestFirst(2, after);
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.stream().filter(link -> link.slug().endsWith(suffix)).forEach(listed::add);
            if (page.size() < 2) {
                break;
            }
            after = LinkPosition.of(page.get(page.size() - 1));
        }

        assertThat(listed).containsExactlyElementsOf(mine);
    }

    @Test
    void listsOnlyWhatComesAfterAPositionAndArchivedLinksToo() {
        Instant t = Instant.parse("2032-01-01T00:00:00Z");
        Link newer = at("n-" + suffix, t.plusMillis(2));
        Link middle = at("m-" + suffix, t.plusMillis(1));
        Link older = at("o-" + suffix, t);
        List.of(newer, middle, older).forEach(store()::create);
        store().archive(older.slug());

        List<Link> after = store().newestFirst(100, LinkPosition.of(middle)).stream()
                .filter(link -> link.slug().endsWith(suffix)).toList();

        assertThat(after).extracting(Link::slug).containsExactly(older.slug());
        assertThat(after.get(0).archived()).isTrue();
    }

    // ---- update and archive --------------------------------------------------------------

    @Test
    void changesOnlyTheFieldsAnUpdateNamesAndAnswersTheLinkAsStored() {
        Link link = link("upd-" + suffix, "https://shop.example.com/old");
        store().create(link);

        Optional<Link> changed = store().update(link.slug(),
                new LinkUpdate("New name", null, "tiktok-ads", null, false));

        Link expected = new Link(link.slug(), "New name", link.destination(), "tiktok-ads", link.campaign(),
                link.goal(), link.attributionWindowDays(), link.countRebills(), link.createdAt(), false);
        assertThat(changed).contains(expected);
        assertThat(store().find(link.slug())).contains(expected);
    }

    @Test
    void setsADestinationAndACampaignAndRemovesACampaign() {
        Link link = link("camp-" + suffix, "https://shop.example.com/old");
        store().create(link);

        store().update(link.slug(), new LinkUpdate(null, "https://shop.example.com/new", null, "autumn", false));
        assertThat(store().find(link.slug()).orElseThrow()).satisfies(stored -> {
            assertThat(stored.destination()).isEqualTo("https://shop.example.com/new");
            assertThat(stored.campaign()).isEqualTo("autumn");
        });

        store().update(link.slug(), new LinkUpdate(null, null, null, null, true));
        assertThat(store().find(link.slug()).orElseThrow().campaign()).isNull();
    }

    @Test
    void updatesNothingForAnUnknownSlugAndCreatesNothing() {
        assertThat(store().update("ghost-" + suffix, new LinkUpdate("x", null, null, null, false))).isEmpty();
        assertThat(store().find("ghost-" + suffix)).isEmpty();
    }

    @Test
    void archivesALinkKeepingEverythingElseAndArchivingAgainIsFine() {
        Link link = link("arch-" + suffix, "https://shop.example.com/a");
        store().create(link);

        assertThat(store().archive(link.slug())).isTrue();
        assertThat(store().archive(link.slug())).isTrue();

        Link archived = store().find(link.slug()).orElseThrow();
        assertThat(archived.archived()).isTrue();
        assertThat(archived).usingRecursiveComparison().ignoringFields("archived").isEqualTo(link);
        assertThat(store().create(link)).as("an archived link keeps its slug").isFalse();
    }

    @Test
    void archivesNothingForAnUnknownSlug() {
        assertThat(store().archive("ghost-" + suffix)).isFalse();
        assertThat(store().find("ghost-" + suffix)).isEmpty();
    }

    private static Link at(String slug, Instant createdAt) {
        return new Link(slug, "Link " + slug, "https://example.com/" + slug, "ads", null, null, 30, false,
                createdAt, false);
    }

    private static Link link(String slug, String destination) {
        return new Link(slug, "Link " + slug, destination, "newsletter", "launch", Goal.optIn(null), 30, false,
                Instant.parse("2025-01-02T03:04:05.678Z"), false);
    }

    private static Link withGoal(String slug, Goal goal) {
        return new Link(slug, "Goal " + slug, "https://example.com/" + slug, "ads", null, goal, 14, false,
                Instant.parse("2025-01-02T03:04:05Z"), false);
    }
}
