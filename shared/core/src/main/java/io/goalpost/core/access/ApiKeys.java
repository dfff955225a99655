package io.goalpost.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * The API keys allowed on /api, known only by their SHA-256 hashes (the deployment never holds
 * a key itself). A presented key is hashed and compared with every configured hash in constant
 * time, without stopping at a match, so timing tells nothing about which hash or how much matched.
 */
public final class ApiKeys {

    private final List<byte[]> hashes;
    private final BiPredicate<byte[], byte[]> sameBytes;

    ApiKeys(List<byte[]> hashes, BiPredicate<byte[], byte[]> sameBytes) {
        this.hashes = List.copyOf(hashes);
        this.sameBytes = sameBytes;
    }

    /**
     * From comma-separated SHA-256 hex hashes (64 hex digits each).
     *
     * @throws IllegalArgumentException when one is not such a hash, saying which one (by position)
     */
    public static ApiKeys fromHashes(String commaSeparatedHexHashes) {
        return fromHashes(commaSeparatedHexHashes, MessageDigest::isEqual);
    }

    static ApiKeys fromHashes(String commaSeparatedHexHashes, BiPredicate<byte[], byte[]> sameBytes) {
        List<byte[]> hashes = new ArrayList<>();
        String[] parts = commaSeparatedHexHashes.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String hex = parts[i].trim().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("hash #" + (i + 1) + " is not 64 hex digits (a SHA-256 hash)");
            }
            hashes.add(HexFormat.of().parseHex(hex));
        }
        return new ApiKeys(hashes, sameBytes);
    }

    public boolean accepts(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(presentedKey);
        boolean accepted = false;
        for (byte[] hash : hashes) {
            accepted |= sameBytes.test(presented, hash);
        }
        return accepted;
    }

    /** The SHA-256 hex of a key: what goes into the configuration for it. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
