package io.goalpost.local.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.aws.click.CrawlerUserAgents;
import io.goalpost.core.click.BotUserAgents;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class BrowserExtensionTest {

    @Test
    void withoutTheBrowserADevelopersRunSkipsTheBrowserTestsSayingWhatToInstall() {
        assertThatThrownBy(() -> BrowserExtension.requireBrowser(false, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void withoutTheBrowserUnderCiTheBrowserTestsFail() {
        assertThatThrownBy(() -> BrowserExtension.requireBrowser(false, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(".ci/run");
    }

    @Test
    void withTheBrowserTheTestsRun() {
        assertThatCode(() -> BrowserExtension.requireBrowser(true, true)).doesNotThrowAnyException();
        assertThatCode(() -> BrowserExtension.requireBrowser(true, false)).doesNotThrowAnyException();
    }

    @Test
    void theBrowserCallsItselfAPersonsChromeBecauseHeadlessChromesOwnUserAgentIsABots() {
        BotUserAgents bots = CrawlerUserAgents.load();

        assertThat(bots.isBot(BrowserExtension.DESKTOP_CHROME)).isFalse();
        assertThat(bots.isBot(BrowserExtension.DESKTOP_CHROME.replace("Chrome/", "HeadlessChrome/"))).isTrue();
    }
}
