package dev.planbake.render;

import dev.planbake.model.Changelog;
import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Repository;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ticked and total boxes over time, from the changelog's box counts: each commit's change to each
 * plan file (the file read on its own, before and after). The counts now are the plans' as the site
 * shows them; going back commit by commit, each change is taken away again, so the last point is
 * always what the pages say. A forecast of the finish is made only with enough history ({@link
 * #enough}).
 */
final class Burnup {
  /** A forecast needs at least this many commits that ticked boxes ... */
  static final int MIN_TICK_COMMITS = 3;

  /** ... the first of them at least this many days before the last. */
  static final int MIN_TICK_DAYS = 14;

  private final Changelog log;
  private final LocalDate today;

  /** Where each file's box changes are in the changelog, by its name at HEAD, newest first. */
  private final Map<String, List<Integer>> byFile = new HashMap<>();

  Burnup(Changelog log, LocalDate today) {
    this.log = log;
    this.today = today;
    for (int i = 0; i < log.boxes().size(); i++) {
      byFile.computeIfAbsent(log.boxes().get(i).now(), k -> new ArrayList<>()).add(i);
    }
  }

  /** The boxes at the end of one day. */
  record Point(LocalDate day, int done, int total) {}

  /**
   * A projected finish: the day all boxes now counted would be ticked at the slower and at the
   * faster rate (boxes a week), measured over the last {@code weeks} weeks.
   */
  record Forecast(
      LocalDate slow, LocalDate fast, double slowRate, double fastRate, int weeks, int remaining) {}

  /**
   * Boxes over time, oldest first, ending today (the day of the commit built); a forecast or null;
   * whether the history is partial (shallow).
   */
  record Series(List<Point> points, LocalDate today, Forecast forecast, boolean partial) {
    Point last() {
      return points.get(points.size() - 1);
    }

    Point first() {
      return points.get(0);
    }
  }

  /** The whole repository's boxes over time, or null when no commit in the window changed any. */
  Series repository(Repository repo) {
    Set<String> files = new HashSet<>();
    Progress now = Progress.EMPTY;
    for (Plan p : repo.plans()) {
      files.addAll(p.files());
      now = now.plus(p.progress());
    }
    List<Changelog.Boxes> changes = new ArrayList<>();
    for (Changelog.Boxes b : log.boxes()) {
      // A file deleted since counts while it existed; one that is no plan now (ignored) never.
      if (b.now() == null || files.contains(b.now())) {
        changes.add(b);
      }
    }
    return series(changes, now);
  }

  /** One plan's boxes over time, or null when no commit in the window changed them. */
  Series plan(Plan p) {
    if (byFile.isEmpty()) {
      return null;
    }
    List<Integer> at = new ArrayList<>();
    for (String f : p.files()) {
      at.addAll(byFile.getOrDefault(f, List.of()));
    }
    // Newest first, as the walk gave them, also when several files changed.
    Collections.sort(at);
    List<Changelog.Boxes> changes = new ArrayList<>(at.size());
    for (int i : at) {
      changes.add(log.boxes().get(i));
    }
    return series(changes, p.progress());
  }

  /**
   * Going back from {@code now} through {@code changes} (newest first): the boxes at the end of
   * each day a change was made, the state before the oldest (from the window's first day when there
   * were boxes already), and today.
   */
  private Series series(List<Changelog.Boxes> changes, Progress now) {
    boolean boxed = false;
    for (Changelog.Boxes b : changes) {
      boxed |= b.total() != b.totalBefore() || b.done() != b.doneBefore();
    }
    if (!boxed || today == null) {
      return null;
    }
    TreeMap<LocalDate, int[]> days = new TreeMap<>();
    int done = now.done();
    int total = now.total();
    Set<String> ticking = new HashSet<>();
    LocalDate firstTick = null;
    LocalDate lastTick = null;
    Map<String, Integer> tickedBy = new HashMap<>();
    for (Changelog.Boxes b : changes) {
      tickedBy.merge(b.commit().id(), b.done() - b.doneBefore(), Integer::sum);
    }
    for (Changelog.Boxes b : changes) {
      LocalDate day = b.commit().date();
      days.putIfAbsent(day, new int[] {done, total});
      done -= b.done() - b.doneBefore();
      total -= b.total() - b.totalBefore();
      if (tickedBy.get(b.commit().id()) > 0 && ticking.add(b.commit().id())) {
        firstTick = firstTick == null || day.isBefore(firstTick) ? day : firstTick;
        lastTick = lastTick == null || day.isAfter(lastTick) ? day : lastTick;
      }
    }
    List<Point> points = new ArrayList<>();
    LocalDate oldest = days.firstKey();
    // Before the oldest change, boxes stood still since the window's start, unless the clone is
    // shallow: then nothing older is known.
    if ((done > 0 || total > 0)
        && !log.partial()
        && log.since() != null
        && log.since().isBefore(oldest)) {
      points.add(point(log.since(), done, total));
    } else if (done > 0 || total > 0) {
      points.add(point(oldest.minusDays(1), done, total));
    }
    days.forEach((day, at) -> points.add(point(day, at[0], at[1])));
    if (points.get(points.size() - 1).day().isBefore(today)) {
      points.add(point(today, now.done(), now.total()));
    }
    Forecast forecast = enough(ticking.size(), firstTick, lastTick) ? forecast(points, now) : null;
    return new Series(List.copyOf(points), today, forecast, log.partial());
  }

  private static Point point(LocalDate day, int done, int total) {
    return new Point(day, Math.max(0, done), Math.max(0, total));
  }

  /**
   * Whether there is history enough for a forecast: {@link #MIN_TICK_COMMITS} commits that ticked
   * boxes, the first {@link #MIN_TICK_DAYS} days or more before the last.
   */
  static boolean enough(int tickCommits, LocalDate first, LocalDate last) {
    return tickCommits >= MIN_TICK_COMMITS
        && first != null
        && ChronoUnit.DAYS.between(first, last) >= MIN_TICK_DAYS;
  }

  /**
   * The finish at two rates measured over the whole weeks from the series' start to today (at most
   * the changelog's weeks): the slower is the mean over all of them, the faster the mean of the
   * busier half. Null when nothing is left, or nothing was ticked, net, in those weeks.
   */
  private Forecast forecast(List<Point> points, Progress now) {
    int remaining = now.total() - now.done();
    long span = ChronoUnit.DAYS.between(points.get(0).day(), today);
    int weeks = (int) Math.min(dev.planbake.model.History.WEEKS, span / 7);
    if (remaining <= 0 || weeks < 2) {
      return null;
    }
    List<Integer> ticked = new ArrayList<>();
    for (int k = 0; k < weeks; k++) {
      ticked.add(
          doneAt(points, today.minusDays(7L * k)) - doneAt(points, today.minusDays(7L * k + 7)));
    }
    double sum = 0;
    for (int t : ticked) {
      sum += t;
    }
    double slow = sum / weeks;
    if (slow <= 0) {
      return null;
    }
    Collections.sort(ticked, Collections.reverseOrder());
    int half = (weeks + 1) / 2;
    double busy = 0;
    for (int i = 0; i < half; i++) {
      busy += ticked.get(i);
    }
    double fast = Math.max(slow, busy / half);
    return new Forecast(
        finish(remaining, slow), finish(remaining, fast), slow, fast, weeks, remaining);
  }

  private LocalDate finish(int remaining, double perWeek) {
    return today.plusDays((long) Math.ceil(remaining / perWeek * 7));
  }

  /** Ticked boxes at the end of {@code day}: the last point on or before it. */
  private static int doneAt(List<Point> points, LocalDate day) {
    int done = points.get(0).done();
    for (Point p : points) {
      if (p.day().isAfter(day)) {
        break;
      }
      done = p.done();
    }
    return done;
  }

  /**
   * The chart of {@code s}: its drawing, its sentences and its table.
   *
   * @param what what is counted, for the sentences ("the plans", "this plan")
   */
  static View.BurnupChart chart(Series s, String id, int height, String what) {
    Point first = s.first();
    Point last = s.last();
    String summary =
        last.done()
            + " of "
            + boxes(last.total())
            + " ticked on "
            + last.day()
            + " (the commit built), from "
            + first.done()
            + " of "
            + boxes(first.total())
            + " on "
            + first.day()
            + ".";
    Forecast f = s.forecast();
    String projection = "";
    String none = "";
    if (f != null) {
      projection =
          "the "
              + boxes(f.remaining())
              + " left would all be ticked "
              + (f.fast().equals(f.slow())
                  ? "by " + f.fast()
                  : "between " + f.fast() + " and " + f.slow())
              + ", at "
              + rate(f.fastRate())
              + (f.fast().equals(f.slow()) ? "" : " to " + rate(f.slowRate()))
              + " boxes a week (the busier half of the last "
              + f.weeks()
              + " weeks, and all of them). Boxes added later move it.";
    } else if (last.done() < last.total()) {
      none =
          "No projection: that needs "
              + MIN_TICK_COMMITS
              + " commits ticking boxes in "
              + what
              + ", the first "
              + MIN_TICK_DAYS
              + " days or more before the last, and boxes ticked, net, in the weeks since.";
    }
    List<View.BurnupRow> rows = new ArrayList<>();
    for (Point p : s.points()) {
      rows.add(
          new View.BurnupRow(
              p.day().toString(),
              p.done(),
              p.total(),
              new Progress(Math.min(p.done(), p.total()), p.total()).percent()));
    }
    String title = "Ticked and total boxes of " + what + ", " + first.day() + " to " + last.day();
    String svg =
        BurnupSvg.svg(
            s,
            id,
            height,
            title,
            summary + (projection.isEmpty() ? "" : " Projection: " + projection));
    return new View.BurnupChart(svg, summary, projection, none, rows, s.partial());
  }

  private static String boxes(int n) {
    return n + (n == 1 ? " box" : " boxes");
  }

  private static String rate(double perWeek) {
    return perWeek == Math.rint(perWeek)
        ? String.valueOf((long) perWeek)
        : String.format(java.util.Locale.ROOT, "%.1f", perWeek);
  }
}
