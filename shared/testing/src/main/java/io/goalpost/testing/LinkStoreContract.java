package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.time.Instant;
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

    private static Link link(String slug, String destination) {
        return new Link(slug, "Link " + slug, destination, "newsletter", "launch", Goal.optIn(null), 30, false,
                Instant.parse("2025-01-02T03:04:05.678Z"), false);
    }

    private static Link withGoal(String slug, Goal goal) {
        return new Link(slug, "Goal " + slug, "https://example.com/" + slug, "ads", null, goal, 14, false,
                Instant.parse("2025-01-02T03:04:05Z"), false);
    }
}
