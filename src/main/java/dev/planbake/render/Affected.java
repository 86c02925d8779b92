package dev.planbake.render;

import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which units' pages show something that changed between two builds: found once per rebuild, then
 * widened to as many dependency steps as each kind of page shows.
 */
final class Affected {
  /** Plan pages show units up to this many dependency steps away (the neighbourhood graph). */
  static final int DEPTH = 2;

  private final Map<UnitId, Unit> old;
  private final Map<UnitId, Unit> now;
  private final Set<UnitId> changed = new HashSet<>();

  /**
   * The units added, removed, or different in any way a page shows, and the units of the plans
   * whose files changed even if they read the same: a save without a change, or a rebuild {@code
   * serve} rehearses, then does the work of an edit (and the JIT compiles it before the first real
   * one).
   *
   * @param old the units of {@code before} by id
   * @param now the units of {@code after} by id
   * @param changedPlans the slugs of the plans whose files changed
   */
  Affected(
      Repository before,
      Map<UnitId, Unit> old,
      Repository after,
      Map<UnitId, Unit> now,
      Set<String> changedPlans) {
    this.old = old;
    this.now = now;
    for (Unit u : after.units()) {
      if (changedPlans.contains(u.planSlug()) || !Objects.equals(old.get(u.id()), u)) {
        changed.add(u.id());
      }
    }
    for (Unit u : before.units()) {
      if (!now.containsKey(u.id())) {
        changed.add(u.id());
      }
    }
  }

  /** A unit as it was in the last build (null if it was not there). */
  Unit before(UnitId id) {
    return old.get(id);
  }

  /** A unit as it is now (null if it went away). */
  Unit after(UnitId id) {
    return now.get(id);
  }

  /**
   * Whether a unit was added or removed, a changed unit waits on other units than before, or one
   * entered or left the graph: then what a focus view shows, and the graph's groups, may change far
   * from the edit. Otherwise only the look of the changed units changed (progress, status, title),
   * and a page changes only where it shows one of them.
   */
  boolean dependenciesChanged() {
    for (UnitId id : changed) {
      Unit a = old.get(id);
      Unit b = now.get(id);
      if (a == null
          || b == null
          || !a.dependsOn().equals(b.dependsOn())
          || !a.enables().equals(b.enables())
          || GraphGroups.drawn(a) != GraphGroups.drawn(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The units whose row in a list may read differently: those that changed, and those that wait on
   * (in either build) a changed unit whose link reads differently: its label, title or page. A row
   * shows the units it waits on by their links alone, so a box ticked in one unit leaves the rows
   * of the units that wait on it as they were.
   */
  Set<UnitId> rows() {
    Set<UnitId> rows = new HashSet<>(changed);
    for (UnitId id : changed) {
      Unit a = old.get(id);
      Unit b = now.get(id);
      if (a != null && b != null && sameLink(a, b)) {
        continue;
      }
      for (Unit u : new Unit[] {a, b}) {
        if (u != null) {
          rows.addAll(u.enables());
        }
      }
    }
    return rows;
  }

  /** Whether a link to the unit reads the same in both builds (see {@code Views.makeRef}). */
  private static boolean sameLink(Unit a, Unit b) {
    return a.placeholder() == b.placeholder()
        && a.title().equals(b.title())
        && a.planSlug().equals(b.planSlug())
        && Urls.unitPage(a).equals(Urls.unitPage(b));
  }

  /** The units that changed and every unit within {@code depth} steps of one, in either build. */
  Set<UnitId> within(int depth) {
    Set<UnitId> seen = new HashSet<>(changed);
    Deque<UnitId> frontier = new ArrayDeque<>(changed);
    for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
      Deque<UnitId> next = new ArrayDeque<>();
      for (UnitId id : frontier) {
        for (Map<UnitId, Unit> side : List.of(old, now)) {
          Unit u = side.get(id);
          if (u == null) {
            continue;
          }
          for (List<UnitId> ids :
              List.of(u.dependsOn(), u.enables(), u.related(), u.mentionedBy())) {
            for (UnitId n : ids) {
              if (seen.add(n)) {
                next.add(n);
              }
            }
          }
        }
      }
      frontier = next;
    }
    return seen;
  }
}
