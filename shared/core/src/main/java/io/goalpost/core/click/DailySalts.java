package io.goalpost.core.click;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The salt of each UTC day: 32 random bytes, created by the first redirect of the day (put if
 * absent, so every container gets the same), kept in memory for the rest of that day. The
 * container that creates today's retires yesterday's, so yesterday's salt is gone from the
 * table: no stored salt can ever recompute yesterday's keys from an IP and a user agent.
 */
public final class DailySalts {

  static final int SALT_BYTES = 32;

  private record Cached(LocalDate day, byte[] salt) {
  }

  private final SaltStore store;
  private final SecureRandom random = new SecureRandom();
  private volatile Cached cached;

  public DailySalts(SaltStore store) {
    this.store = Objects.requireNonNull(store);
  }

  /**
   * The day's salt; empty when that day's salt was retired (a day already over).
   *
   * @throws RuntimeException when the store fails: the caller decides how to go on without
   */
  public Optional<byte[]> of(LocalDate day) {
    Cached now = cached;
    if (now != null && now.day().equals(day)) {
      return Optional.ofNullable(now.salt());
    }
    if (now != null && day.isBefore(now.day())) {
      return Optional.empty();
    }
    synchronized (this) {
      if (cached == null || cached.day().isBefore(day)) {
        cached = load(day);
      }
      return cached.day().equals(day) ? Optional.ofNullable(cached.salt()) : Optional.empty();
    }
  }

  private Cached load(LocalDate day) {
    Optional<SaltStore.DaySalt> stored = store.find(day);
    if (stored.isEmpty()) {
      byte[] fresh = new byte[SALT_BYTES];
      random.nextBytes(fresh);
      if (store.create(day, fresh)) {
        retireQuietly(day.minusDays(1));
        return new Cached(day, fresh);
      }
      // Another container created it first: use theirs.
      stored = Optional.of(store.find(day).orElseThrow(
          () -> new IllegalStateException("the salt of " + day + " was neither created nor found")));
    }
    return new Cached(day, stored.get().bytes());
  }

  /** The table's TTL is the backstop: a failed retire must not fail today's first click. */
  private void retireQuietly(LocalDate day) {
    try {
      store.retire(day);
    } catch (RuntimeException backstopIsTtl) {
      // Nothing else to do here; the item expires within days.
    }
  }
}
