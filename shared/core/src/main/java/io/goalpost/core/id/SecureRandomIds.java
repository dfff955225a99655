package io.goalpost.core.id;

import java.security.SecureRandom;

/** Ids from SecureRandom: a click id must not be guessable, or anyone could claim someone's click. */
public final class SecureRandomIds implements Ids {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int CLICK_ID_LENGTH = 22;
    static final int SLUG_LENGTH = 7;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String clickId() {
        return randomString(CLICK_ID_LENGTH);
    }

    @Override
    public String slug() {
        return randomString(SLUG_LENGTH);
    }

    private String randomString(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
