package io.goalpost.testing;

import io.goalpost.core.click.SaltStore;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Daily salts in a map; {@link SaltStoreContract} keeps it honest. Counts reads, and can fail on cue. */
public final class InMemorySaltStore implements SaltStore {

  private static final byte[] RETIRED = new byte[0];

  private final Map<LocalDate, byte[]> salts = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile RuntimeException failure;

  @Override
  public Optional<DaySalt> find(LocalDate day) {
    failIfAsked();
    reads.incrementAndGet();
    byte[] salt = salts.get(day);
    return salt == null ? Optional.empty() : Optional.of(new DaySalt(day, salt == RETIRED ? null : salt.clone()));
  }

  @Override
  public boolean create(LocalDate day, byte[] salt) {
    failIfAsked();
    return salts.putIfAbsent(day, salt.clone()) == null;
  }

  @Override
  public void retire(LocalDate day) {
    failIfAsked();
    salts.put(day, RETIRED);
  }

  /** Every later call throws this, as a table that does not answer would. */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  /** How many times a salt was read: the cache should make it once per day. */
  public int reads() {
    return reads.get();
  }

  /** Days whose salt bytes are still stored. */
  public Set<LocalDate> daysWithSalt() {
    Set<LocalDate> days = new TreeSet<>();
    salts.forEach((day, salt) -> {
      if (salt != RETIRED) {
        days.add(day);
      }
    });
    return days;
  }

  private void failIfAsked() {
    RuntimeException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
  }
}
