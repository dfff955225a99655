package io.goalpost.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * Claim attempts, readable from both sides: by click (to decide who owns it) and by visitor (to
 * find the clicks it may have won). Reads are strongly consistent; every write is a plain put of
 * an item that is the same on every repetition.
 */
public interface ClaimStore {

  /**
   * Keeps the attempt; keeping it again changes nothing. The visitor's side is written before the
   * click's, so whoever finds the attempt under the click also finds it under the visitor.
   */
  void add(Claim claim);

  /** The attempts on the click made in {@code [from, to]}, earliest first, ties by visitor id. */
  List<Claim> claimsOf(String clickId, Instant from, Instant to);

  /** The ids of the clicks the visitor ever tried to claim, each once, in click id order. */
  List<String> claimedBy(String visitorId);
}
