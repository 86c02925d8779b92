package dev.planbake.site;

import java.util.ArrayList;
import java.util.List;

/** Per-stage wall times, for {@code --verbose}. */
final class Stopwatch {
  private final List<Site.Timing> laps = new ArrayList<>();
  private long last = System.nanoTime();

  void lap(String stage) {
    long now = System.nanoTime();
    laps.add(new Site.Timing(stage, (now - last) / 1_000_000));
    last = now;
  }

  /** Records a time measured elsewhere (work done in parallel with a lap), without a new lap. */
  void note(String stage, long millis) {
    laps.add(new Site.Timing(stage, millis));
  }

  List<Site.Timing> laps() {
    return laps;
  }
}
