package dev.planbake.site;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Changelog;
import dev.planbake.model.Changelog.Kind;
import dev.planbake.model.History;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Revision;
import dev.planbake.model.Status;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What changed, from the history's revisions: each changed file read before and after its commit
 * with the same reader as the site (each text once, by its content), and its units compared: added
 * and removed plans, statuses changed, units finished, boxes ticked. A unit's status is the one its
 * file declares, else the one its boxes give, as on its page.
 */
final class Changes {
  private final Path root;

  /** Each text as read, by the text itself: a file's versions repeat across revisions. */
  private final Map<String, Read> read = new ConcurrentHashMap<>();

  private String lastHead;
  private Changelog last = Changelog.NONE;

  Changes(Path root) {
    this.root = root;
  }

  /** A unit as one version of a file says it. */
  record State(String title, Status status, int done, int total) {}

  /** One version of a file: its units and all its boxes. */
  private record Read(Map<String, State> units, Progress boxes) {}

  /** The changelog of {@code history}: the last one made while HEAD has not moved. */
  synchronized Changelog of(History history) {
    if (!history.present()) {
      return Changelog.NONE;
    }
    if (history.head().id().equals(lastHead)) {
      return last;
    }
    List<Changelog.Entry> entries = new ArrayList<>();
    List<Changelog.Boxes> boxes = new ArrayList<>();
    for (Revision r : history.revisions()) {
      compare(r, entries);
      Progress was = r.before() == null ? Progress.EMPTY : read(r.source(), r.before()).boxes();
      Progress now = r.after() == null ? Progress.EMPTY : read(r.source(), r.after()).boxes();
      boxes.add(
          new Changelog.Boxes(
              r.commit(), r.now(), was.done(), was.total(), now.done(), now.total()));
    }
    last =
        new Changelog(
            entries, history.head().date().minusWeeks(History.WEEKS), history.shallow(), boxes);
    lastHead = history.head().id();
    read.clear();
    return last;
  }

  private void compare(Revision r, List<Changelog.Entry> out) {
    Map<String, State> before = r.before() == null ? Map.of() : units(r.source(), r.before());
    Map<String, State> after = r.after() == null ? Map.of() : units(r.source(), r.after());
    if (r.before() == null || r.after() == null) {
      Map<String, State> side = r.after() == null ? before : after;
      State whole = whole(side);
      if (whole != null) {
        Kind kind = r.after() == null ? Kind.REMOVED : Kind.ADDED;
        Status from = kind == Kind.ADDED ? Status.NONE : whole.status();
        Status to = kind == Kind.ADDED ? whole.status() : Status.NONE;
        out.add(entry(r, whole.title(), kind, from, to, 0, whole));
      }
      return;
    }
    for (Map.Entry<String, State> e : after.entrySet()) {
      if (e.getKey().equals(FILE)) {
        continue;
      }
      State now = e.getValue();
      State was = before.get(e.getKey());
      if (was == null) {
        if (!before.isEmpty()) {
          out.add(entry(r, now.title(), Kind.ADDED, Status.NONE, now.status(), 0, now));
        }
        continue;
      }
      int ticked = Math.max(0, now.done() - was.done());
      if (now.status() != was.status()) {
        Kind kind = now.status() == Status.DONE ? Kind.FINISHED : Kind.STATUS;
        out.add(entry(r, now.title(), kind, was.status(), now.status(), ticked, now));
      } else if (ticked > 0) {
        out.add(entry(r, now.title(), Kind.TICKED, was.status(), now.status(), ticked, now));
      }
    }
  }

  private static Changelog.Entry entry(
      Revision r, String title, Kind kind, Status from, Status to, int ticked, State now) {
    return new Changelog.Entry(
        r.commit(), r.source(), title, kind, from, to, ticked, now.done(), now.total());
  }

  /** The file as a whole: its only unit, or its plan's title and all its boxes. */
  private static State whole(Map<String, State> units) {
    if (units.isEmpty()) {
      return null;
    }
    if (units.size() == 1) {
      return units.values().iterator().next();
    }
    State file = units.get(FILE);
    return file != null ? file : units.values().iterator().next();
  }

  private static final String FILE = "\u0000file";

  /** The units one version of a file holds, by local id (or its title), with the file itself. */
  private Map<String, State> units(String source, String text) {
    return read(source, text).units();
  }

  private Read read(String source, String text) {
    return read.computeIfAbsent(
        text,
        t -> {
          Plan plan =
              PlanParser.parse(
                  new PlanSource(root, "", List.of(new PlanSource.File(source, t))),
                  new Diagnostics(),
                  false);
          Map<String, State> out = new LinkedHashMap<>();
          for (PlanUnit u : plan.units()) {
            Progress p = u.content().progress();
            Status status = u.declared().present() ? u.declared().status() : Status.derivedFrom(p);
            String key = u.localId().isEmpty() ? u.title() : u.localId();
            out.putIfAbsent(key, new State(u.title(), status, p.done(), p.total()));
          }
          Progress all = plan.progress();
          if (out.size() > 1) {
            out.put(
                FILE, new State(plan.title(), Status.derivedFrom(all), all.done(), all.total()));
          }
          return new Read(out, all);
        });
  }
}
