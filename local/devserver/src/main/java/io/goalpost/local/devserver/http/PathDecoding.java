package io.goalpost.local.devserver.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of URL paths. Unlike {@link java.net.URLDecoder} it leaves {@code +} alone:
 * a plus is a space only in form-encoded query strings, never in a path.
 */
final class PathDecoding {
    private PathDecoding() {
    }

    /** The decoded text, or the raw text unchanged when it is not valid percent-encoding. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%') {
                if (i + 2 >= raw.length()) {
                    return raw;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return raw;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int end = raw.indexOf('%', i);
                byte[] plain = raw.substring(i, end < 0 ? raw.length() : end).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = (end < 0 ? raw.length() : end) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
