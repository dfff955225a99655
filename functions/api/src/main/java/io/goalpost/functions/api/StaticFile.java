package io.goalpost.functions.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One text file served as it is in the jar, with its media type and an ETag of its bytes. */
record StaticFile(String contentType, String body, String etag) {

    static StaticFile of(String contentType, byte[] bytes) {
        return new StaticFile(contentType, new String(bytes, StandardCharsets.UTF_8), "\"" + sha256(bytes) + "\"");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
