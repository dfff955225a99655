package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.SaltStore;
import io.goalpost.core.click.SaltStore.DaySalt;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every SaltStore must do; the in-memory fake and the DynamoDB adapter both extend it. Each
 * test takes days of its own, so a store shared between tests (one emulator table) works.
 */
public abstract class SaltStoreContract {

  private final LocalDate day = LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2_900_000));

  protected abstract SaltStore store();

  @Test
  void findsNoSaltForADayWithout() {
    assertThat(store().find(day)).isEmpty();
  }

  @Test
  void keepsTheFirstSaltOfADayAndRefusesASecond() {
    byte[] first = bytes(1);

    assertThat(store().create(day, first)).isTrue();
    assertThat(store().create(day, bytes(2))).isFalse();

    assertThat(store().find(day)).get().satisfies(salt -> {
      assertThat(salt.retired()).isFalse();
      assertThat(salt.bytes()).isEqualTo(first);
    });
  }

  @Test
  void retiringADayRemovesItsBytesForGoodAndKeepsOtherDays() {
    store().create(day, bytes(1));
    store().create(day.plusDays(1), bytes(2));

    store().retire(day);

    assertThat(store().find(day)).get().extracting(DaySalt::retired).isEqualTo(true);
    assertThat(store().find(day).orElseThrow().bytes()).isNull();
    assertThat(store().create(day, bytes(3))).as("a retired day's salt cannot come back").isFalse();
    assertThat(store().find(day.plusDays(1)).orElseThrow().bytes()).isEqualTo(bytes(2));
  }

  @Test
  void retiresADayThatNeverHadASalt() {
    store().retire(day);

    assertThat(store().find(day).orElseThrow().retired()).isTrue();
    assertThat(store().create(day, bytes(1))).isFalse();
  }

  private static byte[] bytes(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
