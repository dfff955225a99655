package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.SaltStore;
import io.goalpost.core.click.SaltStore.DaySalt;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What every SaltStore must do; the in-memory fake and the DynamoDB adapter both extend it. The
 * store holds one salt, so each test starts from an empty store.
 */
public abstract class SaltStoreContract {

  private static final LocalDate MONDAY = LocalDate.parse("2025-04-07");

  /** An empty store; called once per test method or more (return the same one). */
  protected abstract SaltStore store();

  @Test
  void holdsNoSaltBeforeTheFirst() {
    assertThat(store().current()).isEmpty();
  }

  @Test
  void storesTheFirstSaltAndAnswersIt() {
    assertThat(store().replaceEarlier(new DaySalt(MONDAY, bytes(1)))).isTrue();

    assertThat(store().current()).get().satisfies(salt -> {
      assertThat(salt.day()).isEqualTo(MONDAY);
      assertThat(salt.bytes()).isEqualTo(bytes(1));
    });
  }

  @Test
  void keepsTheFirstSaltOfADayAndRefusesASecond() {
    store().replaceEarlier(new DaySalt(MONDAY, bytes(1)));

    assertThat(store().replaceEarlier(new DaySalt(MONDAY, bytes(2)))).isFalse();

    assertThat(store().current().orElseThrow().bytes()).isEqualTo(bytes(1));
  }

  @Test
  void replacesAnEarlierDaysSaltSoItIsGone() {
    store().replaceEarlier(new DaySalt(MONDAY, bytes(1)));

    assertThat(store().replaceEarlier(new DaySalt(MONDAY.plusDays(3), bytes(2)))).isTrue();

    assertThat(store().current()).get().satisfies(salt -> {
      assertThat(salt.day()).isEqualTo(MONDAY.plusDays(3));
      assertThat(salt.bytes()).isEqualTo(bytes(2));
    });
  }

  @Test
  void neverBringsBackAnEarlierDay() {
    store().replaceEarlier(new DaySalt(MONDAY.plusDays(1), bytes(2)));

    assertThat(store().replaceEarlier(new DaySalt(MONDAY, bytes(1)))).isFalse();

    assertThat(store().current().orElseThrow().day()).isEqualTo(MONDAY.plusDays(1));
  }

  private static byte[] bytes(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
