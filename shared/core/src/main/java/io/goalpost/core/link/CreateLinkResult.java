package io.goalpost.core.link;

/**
 * What creating a link came to: created, refused with the field at fault, or the slug was taken.
 * {@link Invalid} is also what a refused change comes to.
 */
public sealed interface CreateLinkResult {

    record Created(Link link) implements CreateLinkResult {
    }

    /** {@code reason} reads on from the field name: "destination" + " must be an absolute http or https URL". */
    record Invalid(String field, String reason) implements CreateLinkResult, ChangeLinkResult {
        public String message() {
            return field + " " + reason;
        }
    }

    record SlugTaken(String slug) implements CreateLinkResult {
    }

    static CreateLinkResult created(Link link) {
        return new Created(link);
    }

    static Invalid invalid(String field, String reason) {
        return new Invalid(field, reason);
    }

    static CreateLinkResult slugTaken(String slug) {
        return new SlugTaken(slug);
    }
}
