package io.goalpost.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String SOME_OTHER_HASH = "e8e12c8f1d2d4b55b5fbc1b09b0b6c7e9c1f7f4c76c0e0d6ad4e1f0ad1b5a0f2";

    @Test
    void hashesAKeyWithSha256InHex() {
        // printf 'abc' | sha256sum
        assertThat(ApiKeys.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void acceptsAKeyWhoseHashIsConfigured() {
        ApiKeys keys = ApiKeys.fromHashes(SOME_OTHER_HASH + "," + ApiKeys.hashOf("gp_local_dev_key"));

        assertThat(keys.accepts("gp_local_dev_key")).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAndSpacesAroundHashes() {
        ApiKeys keys = ApiKeys.fromHashes(" " + ApiKeys.hashOf("k1").toUpperCase() + " ");

        assertThat(keys.accepts("k1")).isTrue();
    }

    @Test
    void refusesAWrongMissingOrEmptyKey() {
        ApiKeys keys = ApiKeys.fromHashes(ApiKeys.hashOf("right"));

        assertThat(keys.accepts("wrong")).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void refusesTheHashItselfPresentedAsAKey() {
        String hash = ApiKeys.hashOf("right");

        assertThat(ApiKeys.fromHashes(hash).accepts(hash)).isFalse();
    }

    @Test
    void refusesAConfiguredValueThatIsNotASha256Hash() {
        assertThatThrownBy(() -> ApiKeys.fromHashes(ApiKeys.hashOf("a") + ",not-a-hash"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash #2");
        assertThatThrownBy(() -> ApiKeys.fromHashes("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesThePresentedKeysDigestWithEveryConfiguredHashWithoutStoppingAtAMatch() {
        List<byte[][]> comparisons = new ArrayList<>();
        String hashes = String.join(",", ApiKeys.hashOf("first"), ApiKeys.hashOf("second"), ApiKeys.hashOf("third"));
        ApiKeys keys = ApiKeys.fromHashes(hashes, (presented, configured) -> {
            comparisons.add(new byte[][] {presented, configured});
            return java.util.Arrays.equals(presented, configured);
        });

        assertThat(keys.accepts("first")).isTrue();

        assertThat(comparisons).hasSize(3).allSatisfy(pair -> assertThat(pair[0]).hasSize(32));
    }

    @Test
    void comparesInConstantTimeWithMessageDigestIsEqualByDefault() throws Exception {
        // The public factory must hand MessageDigest::isEqual to the comparison: a plain equals or
        // Arrays.equals returns at the first differing byte. Checked through the source, since a
        // method reference cannot be compared at run time.
        String source = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/io/goalpost/core/access/ApiKeys.java"));

        assertThat(source).contains("fromHashes(commaSeparatedHexHashes, MessageDigest::isEqual)")
                .doesNotContain("Arrays.equals").doesNotContain(".equals(presented");
    }
}
