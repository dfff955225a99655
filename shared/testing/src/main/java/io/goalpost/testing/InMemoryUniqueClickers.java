package io.goalpost.testing;

import io.goalpost.core.click.UniqueClickers;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Unique-clicker markers in a map; {@link UniqueClickersContract} keeps it honest. */
public final class InMemoryUniqueClickers implements UniqueClickers {

  private record Marker(String slug, LocalDate day, String clicker) {
  }

  private final Map<Marker, String> holders = new ConcurrentHashMap<>();

  @Override
  public boolean firstOfDay(String slug, LocalDate day, String clicker, String clickId) {
    String holder = holders.putIfAbsent(new Marker(slug, day, clicker), clickId);
    return holder == null || holder.equals(clickId);
  }
}
