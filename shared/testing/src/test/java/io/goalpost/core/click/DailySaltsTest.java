package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.testing.InMemorySaltStore;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailySaltsTest {

  private static final LocalDate MONDAY = LocalDate.parse("2025-04-07");

  private final InMemorySaltStore store = new InMemorySaltStore();

  @Test
  void createsThirtyTwoRandomBytesForADayOnFirstUseAndKeepsThemInMemory() {
    DailySalts salts = new DailySalts(store);

    byte[] salt = salts.of(MONDAY).orElseThrow();

    assertThat(salt).hasSize(32);
    assertThat(salts.of(MONDAY)).contains(salt);
    assertThat(store.reads()).isEqualTo(1);
  }

  @Test
  void givesEveryContainerTheSaltTheFirstOneCreated() {
    byte[] first = new DailySalts(store).of(MONDAY).orElseThrow();

    assertThat(new DailySalts(store).of(MONDAY)).contains(first);
  }

  @Test
  void replacesYesterdaysSaltWithTodaysSoYesterdaysIsGone() {
    DailySalts salts = new DailySalts(store);
    byte[] monday = salts.of(MONDAY).orElseThrow();

    byte[] tuesday = salts.of(MONDAY.plusDays(1)).orElseThrow();

    assertThat(tuesday).isNotEqualTo(monday);
    assertThat(store.current().orElseThrow().day()).isEqualTo(MONDAY.plusDays(1));
    assertThat(store.current().orElseThrow().bytes()).isEqualTo(tuesday);
  }

  @Test
  void hasNoSaltForADayAnotherContainerHasMovedPast() {
    new DailySalts(store).of(MONDAY.plusDays(1));

    DailySalts behind = new DailySalts(store);

    assertThat(behind.of(MONDAY)).isEmpty();
    assertThat(store.current().orElseThrow().day()).isEqualTo(MONDAY.plusDays(1));
  }

  @Test
  void hasNoSaltForADayBeforeTheOneItKeeps() {
    DailySalts salts = new DailySalts(store);
    salts.of(MONDAY.plusDays(1));

    assertThat(salts.of(MONDAY)).isEmpty();
  }

  @Test
  void letsAStoreFailureThroughAndTriesAgainNextTime() {
    DailySalts salts = new DailySalts(store);
    store.failWith(new IllegalStateException("table unreachable"));

    assertThatThrownBy(() -> salts.of(MONDAY)).isInstanceOf(IllegalStateException.class);

    store.failWith(null);
    assertThat(salts.of(MONDAY)).isPresent();
  }
}
