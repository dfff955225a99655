package io.goalpost.core.lead;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lead's email as Goalpost keeps it (SPEC §1 lead): trimmed and lower-cased. Checked only for
 * shape (one {@code @}, a dotted domain, no spaces, at most 254 characters): whether it reaches
 * anyone is the sender's business, not ours.
 */
public final class EmailAddresses {

  static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private EmailAddresses() {
  }

  /** The normalised address, or empty when the text is not shaped like one. */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String email = raw.trim().toLowerCase(Locale.ROOT);
    if (email.length() > MAX_LENGTH || !SHAPE.matcher(email).matches()) {
      return Optional.empty();
    }
    return Optional.of(email);
  }
}
