package io.goalpost.core.click;

import java.util.Objects;

/** Where a tracking link sends the browser: a stored destination, or nowhere. */
public sealed interface Redirect {

    record To(String location) implements Redirect {
        public To {
            Objects.requireNonNull(location, "location");
        }
    }

    record NotFound() implements Redirect {
    }

    static Redirect to(String location) {
        return new To(location);
    }

    static Redirect notFound() {
        return new NotFound();
    }
}
