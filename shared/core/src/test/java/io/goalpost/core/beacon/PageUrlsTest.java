package io.goalpost.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageUrlsTest {

    @Test
    void keepsOnlyTheUtmParametersOfTheQueryAndDropsTheFragment() {
        assertThat(PageUrls.reduce("https://shop.example/thanks?email=ann%40example.com&utm_source=fb"
                + "&token=s3cret&UTM_Campaign=spring&utm_medium#order-123"))
                .contains("https://shop.example/thanks?utm_source=fb&UTM_Campaign=spring&utm_medium");
    }

    @Test
    void dropsEveryPartOfTheUrlThatMayHoldAnEmailSoNoneReachesTheQueueOrAnItem() {
        assertThat(PageUrls.reduce("https://shop.example/thanks/Ann@Example.com/done?utm_source=news"
                + "&utm_content=ann%40example.com&utm_term=bob@example.org&UTM_MEDIUM=email"))
                .contains("https://shop.example/thanks/-/done?utm_source=news&UTM_MEDIUM=email");
        assertThat(PageUrls.reduce("https://shop.example/u/ann%40example.com")).contains("https://shop.example/u/-");
    }

    @ParameterizedTest
    @CsvSource({
            "https://shop.example,                        https://shop.example/",
            "HTTPS://Shop.Example:443/Path,               https://shop.example/Path",
            "http://shop.example:80/a?b=1,                http://shop.example/a",
            "http://localhost:8123/landing.html?gp_cid=x, http://localhost:8123/landing.html",
            "https://ann:pw@shop.example/a,               https://shop.example/a",
            "https://shop.example/caf%C3%A9,              https://shop.example/caf%C3%A9",
            "https://shop.example/a b|c,                  https://shop.example/a%20b%7Cc",
            "https://shop.example/?utm_source=a%2,        https://shop.example/?utm_source=a%252",
    })
    void reducesAUrlToSchemeHostPortAndPath(String sent, String kept) {
        assertThat(PageUrls.reduce(sent)).contains(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "javascript:alert(1)", "JAVASCRIPT:alert(1)//https://x", "data:text/html,hi",
            "ftp://shop.example/", "//shop.example/a", "/relative/path", "https:/shop.example", "https://",
            "mailto:ann@example.com", "not a url"})
    void refusesWhatIsNotAnAbsoluteWebUrl(String sent) {
        assertThat(PageUrls.reduce(sent)).isEmpty();
    }

    @Test
    void refusesAUrlLongerThan2048Characters() {
        String base = "https://shop.example/";
        assertThat(PageUrls.reduce(base + "a".repeat(2048 - base.length()))).isPresent();
        assertThat(PageUrls.reduce(base + "a".repeat(2049 - base.length()))).isEmpty();
        assertThat(PageUrls.reduce(null)).isEmpty();
    }
}
