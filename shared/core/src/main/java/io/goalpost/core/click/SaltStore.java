package io.goalpost.core.click;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the salt of the unique-clicker hash lives while its day lasts (SPEC §3 Clicks: "rotated
 * daily and never stored" past its day). One salt at a time, shared by every redirect container
 * so all of them hash one person to one key on one day: storing a new day's salt replaces the
 * old one, so no earlier day's salt is ever left behind. Reads are strongly consistent.
 */
public interface SaltStore {

  /** A day's salt: 32 random bytes. */
  record DaySalt(LocalDate day, byte[] bytes) {
  }

  /** The salt stored now, of whatever day it is; empty before the first. */
  Optional<DaySalt> current();

  /**
   * Stores this salt in place of the current one, but only when that one is of an earlier day (or
   * there is none); answers whether it did. Two containers racing on a new day's first click:
   * one wins, the other reads the winner's.
   */
  boolean replaceEarlier(DaySalt salt);
}
