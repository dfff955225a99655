package io.goalpost.testing;

import io.goalpost.core.click.SaltStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The one salt in memory; {@link SaltStoreContract} keeps it honest. Counts reads, and can fail on cue. */
public final class InMemorySaltStore implements SaltStore {

  private final AtomicInteger reads = new AtomicInteger();
  private DaySalt salt;
  private volatile RuntimeException failure;

  @Override
  public synchronized Optional<DaySalt> current() {
    failIfAsked();
    reads.incrementAndGet();
    return Optional.ofNullable(salt).map(stored -> new DaySalt(stored.day(), stored.bytes().clone()));
  }

  @Override
  public synchronized boolean replaceEarlier(DaySalt fresh) {
    failIfAsked();
    if (salt != null && !salt.day().isBefore(fresh.day())) {
      return false;
    }
    salt = new DaySalt(fresh.day(), fresh.bytes().clone());
    return true;
  }

  /** Every later call throws this (null: none), as a table that does not answer would. */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  /** How many times the salt was read: the cache should make it once per day. */
  public int reads() {
    return reads.get();
  }

  private void failIfAsked() {
    RuntimeException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
  }
}
