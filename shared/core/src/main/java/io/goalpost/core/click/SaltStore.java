package io.goalpost.core.click;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the day's salt of the unique-clicker hash lives while its day lasts (SPEC §3 Clicks:
 * "rotated daily and never stored" past its day). Shared by every redirect container, so all of
 * them hash one person to one key on one day. Reads are strongly consistent.
 */
public interface SaltStore {

  /** A day's salt, or the mark that it was retired ({@code bytes} null): its bytes are gone for good. */
  record DaySalt(LocalDate day, byte[] bytes) {

    public boolean retired() {
      return bytes == null;
    }
  }

  Optional<DaySalt> find(LocalDate day);

  /** Stores the day's salt unless the day has one (or was retired); answers whether this call stored it. */
  boolean create(LocalDate day, byte[] salt);

  /**
   * Replaces the day's salt, if any, with a retired mark, so its bytes are gone and no late
   * caller can create that day's salt again.
   */
  void retire(LocalDate day);
}
