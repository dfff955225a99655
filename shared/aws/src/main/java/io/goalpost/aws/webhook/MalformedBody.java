package io.goalpost.aws.webhook;

/** A webhook body that cannot even be read as what the route expects; the message names the field. */
public final class MalformedBody extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedBody(String message) {
        super(message);
    }
}
