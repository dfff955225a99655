package io.goalpost.functions.api;

/** A request body that cannot even be read as a link request; the message names the field. */
final class BadRequest extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
