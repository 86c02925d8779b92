package dev.planbake.graph;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Edge;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Standing;
import dev.planbake.model.Status;
import dev.planbake.model.Style;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Declared, derived and effective status; blocked and ready; the critical path. */
final class Statuses {
  private Statuses() {}

  /**
   * Every unit with its statuses and neighbours, placeholders included, sorted by id.
   *
   * @param progress each entry's ticked and total boxes, in the order of {@code entries}
   */
  static List<Unit> compute(
      List<Index.Entry> entries,
      List<Progress> progress,
      List<Edge> edges,
      Map<UnitId, Set<UnitId>> mentions,
      Map<UnitId, Position> placeholders,
      Diagnostics diagnostics) {
    Map<UnitId, Status> status = new HashMap<>(2 * entries.size());
    List<Status> derivedStatus = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Index.Entry e = entries.get(i);
      PlanUnit part = e.part();
      Progress p = progress.get(i);
      Status derived = Status.derivedFrom(p);
      derivedStatus.add(derived);
      DeclaredStatus declared = part.declared();
      status.put(e.id(), declared.present() ? declared.status() : derived);
      warnDisagreement(e, declared, derived, p, diagnostics);
    }
    Map<UnitId, List<UnitId>> up = new HashMap<>();
    Map<UnitId, List<UnitId>> down = new HashMap<>();
    Map<UnitId, List<UnitId>> related = new HashMap<>();
    for (Edge e : edges) {
      if (e.kind() == Direction.DEPENDS_ON) {
        up.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        down.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      } else {
        related.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        related.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      }
    }
    // A page without boxes or a status is not work (a README, a review), unless it takes part in
    // the order of work: a plan that depends on another, or that another depends on, is planned.
    for (Index.Entry e : entries) {
      if (status.get(e.id()) == Status.NONE
          && (up.containsKey(e.id()) || down.containsKey(e.id()))) {
        status.put(e.id(), Status.PLANNED);
      }
    }
    List<Unit> units = new ArrayList<>(entries.size() + placeholders.size());
    for (int i = 0; i < entries.size(); i++) {
      Index.Entry e = entries.get(i);
      UnitId id = e.id();
      PlanUnit part = e.part();
      Progress p = progress.get(i);
      Status s = status.get(id);
      List<UnitId> waitingOn = new ArrayList<>();
      GraphSteps.step();
      for (UnitId u : up.getOrDefault(id, List.of())) {
        GraphSteps.step();
        Status us = status.get(u);
        if (us != null && isWork(us) && !us.isClosed()) {
          waitingOn.add(u);
        }
      }
      String title = e.plan().multiUnit() ? part.title() : e.plan().title();
      units.add(
          new Unit(
              id,
              title,
              e.plan().multiUnit() ? Style.UNIT : e.plan().style(),
              e.plan().slug(),
              e.plan().source(),
              part,
              part.declared(),
              derivedStatus.get(i),
              s,
              p,
              sorted(up.get(id)),
              sorted(down.get(id)),
              sorted(related.get(id)),
              mentions.containsKey(id) ? sorted(new ArrayList<>(mentions.get(id))) : List.of(),
              standing(s, !waitingOn.isEmpty()),
              sorted(waitingOn),
              false));
    }
    for (Map.Entry<UnitId, Position> ph : placeholders.entrySet()) {
      UnitId id = ph.getKey();
      units.add(
          new Unit(
              id,
              "Not yet planned",
              Style.UNIT,
              "",
              ph.getValue().source(),
              null,
              DeclaredStatus.NONE,
              Status.NONE,
              Status.PLANNED,
              Progress.EMPTY,
              sorted(up.get(id)),
              sorted(down.get(id)),
              List.of(),
              List.of(),
              Standing.NONE,
              List.of(),
              true));
    }
    Collections.sort(units, (a, b) -> a.id().compareTo(b.id()));
    return units;
  }

  /**
   * The warnings {@link #compute} gives about declared statuses that the boxes contradict, alone
   * and in the same order: for a rebuild in which only boxes changed.
   */
  static void warnings(List<Index.Entry> entries, List<Progress> progress, Diagnostics d) {
    for (int i = 0; i < entries.size(); i++) {
      Index.Entry e = entries.get(i);
      Progress p = progress.get(i);
      warnDisagreement(e, e.part().declared(), Status.derivedFrom(p), p, d);
    }
  }

  /**
   * The one definition of ready and blocked (see {@link Standing}): a unit that has not started and
   * waits on unfinished work is blocked; one that has started stays in progress or in review, and
   * is marked as waiting by its non-empty {@code waitingOn}.
   */
  static Standing standing(Status s, boolean waits) {
    return switch (s) {
      case NONE -> Standing.NONE;
      case DONE -> Standing.DONE;
      case CANCELLED -> Standing.CANCELLED;
      case IN_PROGRESS -> Standing.IN_PROGRESS;
      case REVIEW -> Standing.REVIEW;
      case BLOCKED -> Standing.BLOCKED;
      case DRAFT -> waits ? Standing.BLOCKED : Standing.DRAFT;
      case PLANNED -> waits ? Standing.BLOCKED : Standing.READY;
    };
  }

  /** NONE is for pages that are not work (READMEs, notes): they neither block nor wait. */
  private static boolean isWork(Status s) {
    return s != Status.NONE;
  }

  private static void warnDisagreement(
      Index.Entry e, DeclaredStatus declared, Status derived, Progress p, Diagnostics d) {
    if (declared.status() == Status.DONE && p.done() < p.total()) {
      d.add(
          Diagnostic.warning(
                  where(e, declared),
                  e.id()
                      + " is declared done ("
                      + declared.from()
                      + ") but "
                      + (p.total() - p.done())
                      + " of "
                      + p.total()
                      + (p.total() == 1 ? " task" : " tasks")
                      + (p.total() - p.done() == 1 ? " is" : " are")
                      + " unticked")
              .withHint("tick the finished boxes or change the status"));
    } else if (declared.status() == Status.DRAFT && derived == Status.DONE) {
      d.add(
          Diagnostic.warning(
                  where(e, declared),
                  e.id()
                      + " is declared draft ("
                      + declared.from()
                      + (p.total() == 1
                          ? ") but its one task is ticked"
                          : ") but all " + p.total() + " tasks are ticked"))
              .withHint("update its status"));
    }
  }

  /**
   * Where a warning about {@code e}'s status goes; made only for a warning, as a position resolves
   * a path (for every unit of 1,000 plans, 0.1-0.4 ms of each build).
   */
  private static Position where(Index.Entry e, DeclaredStatus declared) {
    if (declared.line() > 0 && !declared.source().isEmpty()) {
      return e.plan().at(declared.source(), declared.line());
    }
    return e.plan().at(declared.line() > 0 ? declared.line() : Math.max(1, e.part().line()));
  }

  private static List<UnitId> sorted(List<UnitId> ids) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() == 1) {
      return List.of(ids.get(0));
    }
    List<UnitId> copy = new ArrayList<>(new java.util.TreeSet<>(ids));
    return copy;
  }

  /**
   * The longest chain of units that still need work, following depends-on edges, upstream first.
   * Longest-path on the acyclic part of the graph, in linear time; edges inside cycles are skipped.
   */
  static List<UnitId> criticalPath(List<Unit> units, Map<UnitId, List<Edge>> upstream) {
    Map<UnitId, Unit> byId = new HashMap<>();
    for (Unit u : units) {
      if (!u.placeholder() && u.status() != Status.NONE && !u.status().isClosed()) {
        byId.put(u.id(), u);
      }
    }
    // Kahn's order over open units: a unit comes after everything it depends on.
    Map<UnitId, Integer> pending = new HashMap<>();
    Map<UnitId, List<UnitId>> dependents = new HashMap<>();
    for (UnitId id : byId.keySet()) {
      int n = 0;
      for (Edge e : upstream.getOrDefault(id, List.of())) {
        GraphSteps.step();
        if (byId.containsKey(e.to())) {
          n++;
          dependents.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(id);
        }
      }
      pending.put(id, n);
    }
    Deque<UnitId> ready = new ArrayDeque<>();
    byId.keySet().stream().filter(id -> pending.get(id) == 0).sorted().forEach(ready::add);
    Map<UnitId, Integer> length = new HashMap<>();
    Map<UnitId, UnitId> prev = new HashMap<>();
    UnitId best = null;
    while (!ready.isEmpty()) {
      UnitId id = ready.poll();
      int len = length.getOrDefault(id, 1);
      length.putIfAbsent(id, 1);
      if (best == null
          || len > length.get(best)
          || (len == length.get(best) && id.compareTo(best) < 0)) {
        best = id;
      }
      List<UnitId> next = new ArrayList<>(dependents.getOrDefault(id, List.of()));
      Collections.sort(next);
      for (UnitId d : next) {
        GraphSteps.step();
        if (len + 1 > length.getOrDefault(d, 1)
            || (len + 1 == length.getOrDefault(d, 1)
                && prev.containsKey(d)
                && id.compareTo(prev.get(d)) < 0)) {
          length.put(d, len + 1);
          prev.put(d, id);
        }
        int left = pending.merge(d, -1, Integer::sum);
        if (left == 0) {
          ready.add(d);
        }
      }
    }
    List<UnitId> path = new ArrayList<>();
    for (UnitId at = best; at != null; at = prev.get(at)) {
      path.add(at);
    }
    Collections.reverse(path);
    return path.size() > 1 ? path : List.of();
  }
}
