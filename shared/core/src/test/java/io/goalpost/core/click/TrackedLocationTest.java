package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackedLocationTest {

    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";

    @Test
    void appendsTheClickIdToADestinationWithoutQuery() {
        assertThat(TrackedLocation.of("https://shop.example.com/spring", null, CLICK))
                .isEqualTo("https://shop.example.com/spring?gp_cid=" + CLICK);
    }

    @Test
    void passesTheRequestsUtmParametersThrough() {
        assertThat(TrackedLocation.of("https://shop.example.com/spring", "utm_source=facebook&utm_medium=cpc", CLICK))
                .isEqualTo("https://shop.example.com/spring?utm_source=facebook&utm_medium=cpc&gp_cid=" + CLICK);
    }

    @Test
    void letsTheDestinationsOwnParametersWinOverTheRequests() {
        assertThat(TrackedLocation.of("https://shop.example.com/p?utm_source=newsletter&ref=a",
                "utm_source=facebook&utm_campaign=spring&ref=b&ref=c", CLICK))
                .isEqualTo("https://shop.example.com/p?utm_source=newsletter&ref=a&utm_campaign=spring&gp_cid=" + CLICK);
    }

    @Test
    void comparesParameterNamesDecoded() {
        assertThat(TrackedLocation.of("https://example.com/?utm_source=a", "utm%5Fsource=b", CLICK))
                .isEqualTo("https://example.com/?utm_source=a&gp_cid=" + CLICK);
    }

    @Test
    void stripsEveryIncomingGoalpostParameterAndAppendsExactlyOneFreshClickId() {
        String location = TrackedLocation.of("https://example.com/",
                "gp_cid=stale1234567890123456&a=1&gp_vid=visitor123456789012&GP_CID=x&gp_lt=token&gp_cid=again", CLICK);

        assertThat(location).isEqualTo("https://example.com/?a=1&gp_cid=" + CLICK);
    }

    @Test
    void dropsStaleGoalpostParametersTheDestinationItselfCarries() {
        assertThat(TrackedLocation.of("https://example.com/?gp_cid=old&x=1", "", CLICK))
                .isEqualTo("https://example.com/?x=1&gp_cid=" + CLICK);
    }

    @Test
    void keepsTheDestinationsFragmentAfterTheQuery() {
        assertThat(TrackedLocation.of("https://example.com/p?x=1#buy-now", "utm_source=ig", CLICK))
                .isEqualTo("https://example.com/p?x=1&utm_source=ig&gp_cid=" + CLICK + "#buy-now");
    }

    @Test
    void keepsParametersWithoutValueAndSkipsEmptyOnes() {
        assertThat(TrackedLocation.of("https://example.com/?", "&&flag&b=&", CLICK))
                .isEqualTo("https://example.com/?flag&b=&gp_cid=" + CLICK);
    }

    @Test
    void copiesEncodedValuesAsSent() {
        assertThat(TrackedLocation.of("https://example.com/", "q=caf%C3%A9+au+lait&r=a%2Bb", CLICK))
                .isEqualTo("https://example.com/?q=caf%C3%A9+au+lait&r=a%2Bb&gp_cid=" + CLICK);
    }

    @Test
    void encodesCharactersThatCouldBreakTheLocationHeaderOrMoveIntoTheFragment() {
        String location = TrackedLocation.of("https://example.com/", "a=x\r\nSet-Cookie: y=1&b=<q\">#frag&c=%zz&d=é", CLICK);

        assertThat(location)
                .isEqualTo("https://example.com/?a=x%0D%0ASet-Cookie:%20y=1&b=%3Cq%22%3E%23frag&c=%25zz&d=%C3%A9&gp_cid=" + CLICK)
                .doesNotContain("\r", "\n", " ", "<", "\"", "#");
    }
}
