package io.goalpost.testing.history;

import io.goalpost.core.attribution.AttributionModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A generated history: links, events in event-time order, and one shuffled delivery of them with
 * duplicates. Printed as a numbered story, so a shrunk counterexample can be read and replayed.
 *
 * @param shuffled every event once, in some order, plus the duplicates marked {@code again}
 */
public record History(AttributionModel model, List<HistoryLink> links, List<HistoryEvent> events,
    List<Delivery> shuffled) {

  /** The event at {@code index} of {@link #events()}; {@code again}: a second delivery of it. */
  public record Delivery(int index, boolean again) {

    @Override
    public String toString() {
      return "#" + index + (again ? "'" : "");
    }
  }

  public History {
    Objects.requireNonNull(model, "model");
    links = List.copyOf(links);
    events = List.copyOf(events);
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).at().isBefore(events.get(i - 1).at())) {
        throw new IllegalArgumentException("events must be in event-time order");
      }
    }
    shuffled = List.copyOf(shuffled);
  }

  /** Every event once, earliest first: the order the world made them in. */
  public List<Delivery> inTimeOrder() {
    return IntStream.range(0, events.size()).mapToObj(i -> new Delivery(i, false)).toList();
  }

  /** Every event once, latest first: every counterpart arrives before what it belongs to. */
  public List<Delivery> inReverseTimeOrder() {
    List<Delivery> reversed = new ArrayList<>(inTimeOrder());
    Collections.reverse(reversed);
    return reversed;
  }

  public LocalDate firstDay() {
    return events.isEmpty() ? day(HistoryEvent.DAY_ZERO) : day(events.get(0).at());
  }

  public LocalDate lastDay() {
    return events.isEmpty() ? day(HistoryEvent.DAY_ZERO) : day(events.get(events.size() - 1).at());
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("History (" + model.wireName() + ")\n  links: ");
    links.forEach(link -> text.append(link).append(" | "));
    text.setLength(text.length() - 3);
    for (int i = 0; i < events.size(); i++) {
      text.append("\n  #").append(i).append(' ').append(events.get(i));
    }
    text.append("\n  shuffled: ");
    shuffled.forEach(delivery -> text.append(delivery).append(' '));
    return text.toString().stripTrailing();
  }
}
