package io.goalpost.core.link;

/** What changing a link came to: changed, refused with the field at fault, or no such link. */
public sealed interface ChangeLinkResult permits ChangeLinkResult.Changed, ChangeLinkResult.UnknownLink,
        CreateLinkResult.Invalid {

    record Changed(Link link) implements ChangeLinkResult {
    }

    record UnknownLink() implements ChangeLinkResult {
    }
}
