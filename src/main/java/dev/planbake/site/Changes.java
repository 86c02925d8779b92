package dev.planbake.site;

import dev.planbake.model.Changelog;
import dev.planbake.model.Changelog.Kind;
import dev.planbake.model.History;
import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Revision;
import dev.planbake.model.Status;
import dev.planbake.site.ChangesReader.Read;
import dev.planbake.site.ChangesReader.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What changed, from the history's revisions: each changed file read before and after its commit
 * with the same reader as the site ({@link ChangesReader}), and its units compared: added and
 * removed plans, statuses changed, units finished, boxes ticked. A unit's status is the one its
 * file declares, else the one its boxes give, as on its page.
 */
final class Changes {
  private final ChangesReader reader;

  private String lastHead;
  private Changelog last = Changelog.NONE;

  Changes(Path root) {
    this.reader = new ChangesReader(root);
  }

  /** A plan of one file as the build read it at HEAD, from {@code text}. */
  record Head(String source, String text, Plan plan) {}

  /**
   * The changelog of {@code history}: the last one made while HEAD has not moved.
   *
   * @param heads the single-file plans the build reads beside this (completed once they are read,
   *     always): the texts they were read from need not be read again
   */
  synchronized Changelog of(History history, Future<List<Head>> heads) {
    if (!history.present()) {
      return Changelog.NONE;
    }
    if (history.head().id().equals(lastHead)) {
      return last;
    }
    read(history.revisions(), heads);
    List<Changelog.Entry> entries = new ArrayList<>();
    List<Changelog.Boxes> boxes = new ArrayList<>();
    for (Revision r : history.revisions()) {
      Read before = r.before() == null ? null : reader.read(r.source(), r.before());
      Read after = r.after() == null ? null : reader.read(r.source(), r.after());
      compare(r, before, after, entries);
      Progress was = before == null ? Progress.EMPTY : before.boxes();
      Progress now = after == null ? Progress.EMPTY : after.boxes();
      boxes.add(
          new Changelog.Boxes(
              r.commit(), r.now(), was.done(), was.total(), now.done(), now.total()));
    }
    last =
        new Changelog(
            entries, history.head().date().minusWeeks(History.WEEKS), history.shallow(), boxes);
    lastHead = history.head().id();
    reader.clear();
    return last;
  }

  /**
   * Reads every text of {@code revisions}, on every core (a cold build reads the history beside its
   * own scanning and parsing, and waits for the changelog once its graph is made). Versions that
   * differ from their file's newest one in the window only in ticks are left until the build has
   * read HEAD's files: its readings of the texts it shares with the history stand for them.
   */
  private void read(List<Revision> revisions, Future<List<Head>> heads) {
    Map<String, String> newest = new HashMap<>();
    for (Revision r : revisions) {
      if (r.after() != null && !newest.containsKey(r.source())) {
        newest.put(r.source(), reader.unticked(r.after()));
      }
    }
    revisions.parallelStream()
        .forEach(
            r -> {
              String blank = newest.get(r.source());
              if (r.before() != null && !reader.unticked(r.before()).equals(blank)) {
                reader.read(r.source(), r.before());
              }
              if (r.after() != null && !reader.unticked(r.after()).equals(blank)) {
                reader.read(r.source(), r.after());
              }
            });
    for (Head h : built(heads)) {
      if (newest.containsKey(h.source())) {
        reader.offer(h.source(), h.text(), h.plan());
      }
    }
    revisions.parallelStream().forEach(this::readBoth);
  }

  /** What the build read at HEAD; none if it could not say. */
  private static List<Head> built(Future<List<Head>> heads) {
    try {
      return heads.get();
    } catch (ExecutionException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private void readBoth(Revision r) {
    if (r.before() != null) {
      reader.read(r.source(), r.before());
    }
    if (r.after() != null) {
      reader.read(r.source(), r.after());
    }
  }

  private static void compare(Revision r, Read before, Read after, List<Changelog.Entry> out) {
    if (before == null || after == null) {
      State whole = (after == null ? before : after).whole();
      if (whole != null) {
        Kind kind = after == null ? Kind.REMOVED : Kind.ADDED;
        Status from = kind == Kind.ADDED ? Status.NONE : whole.status();
        Status to = kind == Kind.ADDED ? whole.status() : Status.NONE;
        out.add(entry(r, whole.title(), kind, from, to, 0, whole));
      }
      return;
    }
    for (Map.Entry<String, State> e : after.units().entrySet()) {
      if (Read.file(e.getKey())) {
        continue;
      }
      State now = e.getValue();
      State was = before.units().get(e.getKey());
      if (was == null) {
        if (!before.units().isEmpty()) {
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
        r.commit(), r.source(), r.now(), title, kind, from, to, ticked, now.done(), now.total());
  }
}
