package io.goalpost.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomIdsTest {

    private final SecureRandomIds ids = new SecureRandomIds();

    @Test
    void mintsClickIdsOf22LettersAndDigits() {
        for (int i = 0; i < 1000; i++) {
            String id = ids.clickId();

            assertThat(id).hasSize(22).matches("[A-Za-z0-9]+");
            assertThat(Ids.isMintedId(id)).isTrue();
        }
    }

    @Test
    void mintsSlugsOf7LettersAndDigits() {
        assertThat(ids.slug()).matches("[A-Za-z0-9]{7}");
    }

    @Test
    void neverRepeatsAClickIdInAThousand() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ids.clickId());
        }

        assertThat(seen).hasSize(1000);
    }

    @Test
    void recognisesOnlyIdsShapedLikeMintedOnes() {
        assertThat(Ids.isMintedId("a".repeat(16))).isTrue();
        assertThat(Ids.isMintedId("a".repeat(32))).isTrue();
        assertThat(Ids.isMintedId("a".repeat(15))).isFalse();
        assertThat(Ids.isMintedId("a".repeat(33))).isFalse();
        assertThat(Ids.isMintedId("abcdefghijklmnop-")).isFalse();
        assertThat(Ids.isMintedId(null)).isFalse();
    }
}
