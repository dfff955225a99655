package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.identity.Claim;
import io.goalpost.core.identity.ClaimStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every ClaimStore must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class ClaimStoreContract {

  private static final Instant FROM = Instant.parse("2025-04-01T09:00:00Z");
  private static final Instant TO = Instant.parse("2025-04-01T10:00:00Z");

  private final String suffix = TestIds.suffix();
  private final String click = "clk" + suffix;

  protected abstract ClaimStore store();

  private Claim claim(String visitor, String at) {
    return new Claim(click, visitor + suffix, Instant.parse(at));
  }

  @Test
  void listsTheClaimsOnAClickEarliestFirstWhateverOrderTheyCameIn() {
    Claim late = claim("late", "2025-04-01T09:40:00Z");
    Claim early = claim("early", "2025-04-01T09:05:00.000000001Z");
    Claim middle = claim("middle", "2025-04-01T09:20:00Z");
    store().add(late);
    store().add(early);
    store().add(middle);

    assertThat(store().claimsOf(click, FROM, TO)).containsExactly(early, middle, late);
  }

  @Test
  void listsOnlyTheClaimsInsideTheRangeBoundsIncluded() {
    Claim before = claim("before", "2025-04-01T08:59:59.999999999Z");
    Claim atStart = claim("start", "2025-04-01T09:00:00Z");
    Claim atEnd = claim("end", "2025-04-01T10:00:00Z");
    Claim after = claim("after", "2025-04-01T10:00:00.000000001Z");
    for (Claim claim : new Claim[] {before, atStart, atEnd, after}) {
      store().add(claim);
    }

    assertThat(store().claimsOf(click, FROM, TO)).containsExactly(atStart, atEnd);
  }

  @Test
  void keepsAClaimAddedTwiceOnceAndOrdersClaimsOfOneInstantByVisitor() {
    Claim b = claim("bbb", "2025-04-01T09:10:00Z");
    Claim a = claim("aaa", "2025-04-01T09:10:00Z");
    store().add(b);
    store().add(a);
    store().add(b);

    assertThat(store().claimsOf(click, FROM, TO)).containsExactly(a, b);
  }

  @Test
  void keepsEveryAttemptOfOneVisitor() {
    Claim first = claim("vid", "2025-04-01T09:10:00Z");
    Claim second = claim("vid", "2025-04-01T09:15:00Z");
    store().add(second);
    store().add(first);

    assertThat(store().claimsOf(click, FROM, TO)).containsExactly(first, second);
  }

  @Test
  void listsTheClicksAVisitorClaimedOnceEach() {
    String visitor = "vid" + suffix;
    store().add(new Claim("clkB" + suffix, visitor, FROM));
    store().add(new Claim("clkA" + suffix, visitor, FROM));
    store().add(new Claim("clkB" + suffix, visitor, TO));
    store().add(new Claim("clkC" + suffix, "other" + suffix, FROM));

    assertThat(store().claimedBy(visitor)).containsExactly("clkA" + suffix, "clkB" + suffix);
    assertThat(store().claimedBy("nobody" + suffix)).isEmpty();
    assertThat(store().claimsOf("unknown" + suffix, FROM, TO)).isEmpty();
  }
}
