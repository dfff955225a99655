package io.goalpost.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.link.CreateLinkResult.Invalid;
import io.goalpost.core.link.NewLink.NewGoal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRulesTest {

    private static NewLink valid() {
        return new NewLink("Spring sale", "https://shop.example.com/spring", "facebook-ads", null, null, null, null, null);
    }

    private static NewLink withDestination(String destination) {
        return new NewLink("Spring sale", destination, "facebook-ads", null, null, null, null, null);
    }

    private static NewLink withSlug(String slug) {
        return new NewLink("Spring sale", "https://example.com", "facebook-ads", null, slug, null, null, null);
    }

    private static NewLink withChannel(String channel) {
        return new NewLink("Spring sale", "https://example.com", channel, null, null, null, null, null);
    }

    private static NewLink withGoal(NewGoal goal) {
        return new NewLink("Spring sale", "https://example.com", "ads", null, null, goal, null, null);
    }

    private static NewLink withWindow(int days) {
        return new NewLink("Spring sale", "https://example.com", "ads", null, null, null, days, null);
    }

    private static Optional<String> brokenField(NewLink request) {
        return LinkRules.firstBroken(request).map(Invalid::field);
    }

    @Test
    void acceptsAMinimalLink() {
        assertThat(LinkRules.firstBroken(valid())).isEmpty();
    }

    @Test
    void acceptsAFullLink() {
        NewLink full = new NewLink("Spring", "http://shop.example.com:8080/p?x=1#top", "a-1", "spring-2025",
                "Spring_Sale-1", new NewGoal("purchase", null, null, "prod_1.2:3"), 365, true);

        assertThat(LinkRules.firstBroken(full)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "/relative/path",
            "//evil.example.com/x", "shop.example.com", "https://", "http:///nohost", "ftp://example.com/file",
            "https://exa mple.com", "mailto:someone@example.com", ""})
    void refusesADestinationThatIsNotAnAbsoluteWebUrl(String destination) {
        Optional<Invalid> broken = LinkRules.firstBroken(withDestination(destination));

        assertThat(broken).map(Invalid::field).contains("destination");
        assertThat(broken).map(Invalid::message).get().asString().startsWith("destination must be an absolute http");
    }

    @Test
    void refusesADestinationOver2048Characters() {
        String longUrl = "https://example.com/" + "a".repeat(2048 - 20 + 1);

        assertThat(brokenField(withDestination(longUrl))).contains("destination");
        assertThat(brokenField(withDestination(longUrl.substring(0, 2048)))).isEmpty();
    }

    @Test
    void requiresADestination() {
        assertThat(brokenField(withDestination(null))).contains("destination");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "with/slash", "dot.ted", "<script>", "ünï"})
    void refusesAMalformedSlug(String slug) {
        assertThat(brokenField(withSlug(slug))).contains("slug");
    }

    @Test
    void refusesASlugOver64Characters() {
        assertThat(brokenField(withSlug("a".repeat(65)))).contains("slug");
        assertThat(brokenField(withSlug("a".repeat(64)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Facebook", "face book", "face_book", "ads!"})
    void refusesAMalformedChannel(String channel) {
        assertThat(brokenField(withChannel(channel))).contains("channel");
    }

    @Test
    void requiresAChannel() {
        assertThat(brokenField(withChannel(null))).contains("channel");
    }

    @Test
    void requiresANonBlankNameOfAtMost200Characters() {
        assertThat(brokenField(new NewLink(null, "https://example.com", "ads", null, null, null, null, null))).contains("name");
        assertThat(brokenField(new NewLink("  ", "https://example.com", "ads", null, null, null, null, null))).contains("name");
        assertThat(brokenField(new NewLink("n".repeat(201), "https://example.com", "ads", null, null, null, null, null)))
                .contains("name");
        assertThat(brokenField(new NewLink("n".repeat(200), "https://example.com", "ads", null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void refusesControlCharactersInNameAndCampaign() {
        assertThat(brokenField(new NewLink("a\nb", "https://example.com", "ads", null, null, null, null, null))).contains("name");
        assertThat(brokenField(new NewLink("a", "https://example.com", "ads", "c\u0000", null, null, null, null)))
                .contains("campaign");
    }

    @Test
    void refusesACampaignOver200Characters() {
        assertThat(brokenField(new NewLink("a", "https://example.com", "ads", "c".repeat(201), null, null, null, null)))
                .contains("campaign");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 366, -1})
    void refusesAnAttributionWindowOutside1To365Days(int days) {
        assertThat(brokenField(withWindow(days))).contains("attributionWindowDays");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 365})
    void acceptsTheEdgesOfTheAttributionWindow(int days) {
        assertThat(brokenField(withWindow(days))).isEmpty();
    }

    @Test
    void refusesAnUnknownGoalType() {
        assertThat(brokenField(withGoal(new NewGoal("signup", null, null, null)))).contains("goal.type");
        assertThat(brokenField(withGoal(new NewGoal(null, null, null, null)))).contains("goal.type");
    }

    @Test
    void requiresAPageUrlOnAPageVisitGoal() {
        assertThat(brokenField(withGoal(new NewGoal("page_visit", null, null, null)))).contains("goal.pageUrl");
        assertThat(brokenField(withGoal(new NewGoal("page_visit", null, "javascript:x", null)))).contains("goal.pageUrl");
        assertThat(brokenField(withGoal(new NewGoal("page_visit", null, "https://shop.example.com/thanks", null)))).isEmpty();
    }

    @Test
    void refusesAnIdThatDoesNotBelongToTheGoalType() {
        assertThat(brokenField(withGoal(new NewGoal("opt_in", null, "https://example.com", null)))).contains("goal.pageUrl");
        assertThat(brokenField(withGoal(new NewGoal("opt_in", null, null, "prod")))).contains("goal.productId");
        assertThat(brokenField(withGoal(new NewGoal("purchase", "form", null, null)))).contains("goal.formId");
        assertThat(brokenField(withGoal(new NewGoal("page_visit", null, "https://e.com", "prod")))).contains("goal.productId");
    }

    @Test
    void refusesMalformedExternalIds() {
        assertThat(brokenField(withGoal(new NewGoal("opt_in", "form 1", null, null)))).contains("goal.formId");
        assertThat(brokenField(withGoal(new NewGoal("purchase", null, null, "p".repeat(65))))).contains("goal.productId");
        assertThat(brokenField(withGoal(new NewGoal("purchase", null, null, "")))).contains("goal.productId");
    }

    @Test
    void acceptsGoalsWithoutTheirOptionalIds() {
        assertThat(brokenField(withGoal(new NewGoal("opt_in", null, null, null)))).isEmpty();
        assertThat(brokenField(withGoal(new NewGoal("purchase", null, null, null)))).isEmpty();
    }
}
