package io.goalpost.core.id;

import java.util.regex.Pattern;

/** Mints the random ids Goalpost hands out; behind an interface so tests can pin them. */
public interface Ids {

    /** The shape of every id Goalpost mints (click and visitor ids): safe in Stripe's client_reference_id. */
    Pattern MINTED_ID = Pattern.compile("[A-Za-z0-9]{16,32}");

    /** A fresh click id ({@code gp_cid}), matching {@link #MINTED_ID}. */
    String clickId();

    /** A fresh slug for a link created without one: 7 characters of [A-Za-z0-9]. */
    String slug();

    static boolean isMintedId(String id) {
        return id != null && MINTED_ID.matcher(id).matches();
    }
}
