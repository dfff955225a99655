package io.goalpost.core.click;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The salt of each UTC day: 32 random bytes, created by the first redirect of the day (every
 * container then reads the same), kept in memory for the rest of that day. Creating it replaces
 * the previous day's in the store, so yesterday's salt is gone: nothing stored can recompute
 * yesterday's clicker keys from an IP and a user agent.
 */
public final class DailySalts {

  static final int SALT_BYTES = 32;

  private final SaltStore store;
  private final SecureRandom random = new SecureRandom();
  private volatile SaltStore.DaySalt cached;

  public DailySalts(SaltStore store) {
    this.store = Objects.requireNonNull(store);
  }

  /**
   * The day's salt; empty when the store already holds a later day's (this container's clock is
   * behind, and the day it asks for is over).
   *
   * @throws RuntimeException when the store fails: the caller decides how to go on without
   */
  public Optional<byte[]> of(LocalDate day) {
    SaltStore.DaySalt known = cached;
    if (known == null || known.day().isBefore(day)) {
      synchronized (this) {
        if (cached == null || cached.day().isBefore(day)) {
          cached = load(day);
        }
        known = cached;
      }
    }
    return known.day().equals(day) ? Optional.of(known.bytes()) : Optional.empty();
  }

  private SaltStore.DaySalt load(LocalDate day) {
    Optional<SaltStore.DaySalt> current = store.current();
    if (current.isPresent() && !current.get().day().isBefore(day)) {
      return current.get();
    }
    byte[] fresh = new byte[SALT_BYTES];
    random.nextBytes(fresh);
    SaltStore.DaySalt salt = new SaltStore.DaySalt(day, fresh);
    if (store.replaceEarlier(salt)) {
      return salt;
    }
    // Another container stored the day's salt first: use theirs.
    return store.current().filter(stored -> !stored.day().isBefore(day)).orElseThrow(
        () -> new IllegalStateException("the salt of " + day + " was neither stored nor found"));
  }
}
