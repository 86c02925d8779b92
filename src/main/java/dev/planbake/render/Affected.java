package dev.planbake.render;

import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Which units' pages show something that changed between two builds. */
final class Affected {
  /** Plan pages show units up to this many dependency steps away (the neighbourhood graph). */
  static final int DEPTH = 2;

  private Affected() {}

  /**
   * The units that changed (added, removed, or different in any way a page shows) and every unit
   * within {@link #DEPTH} steps of one, in either build.
   */
  static Set<UnitId> units(Repository before, Repository after) {
    return units(before, after, DEPTH);
  }

  /** The units that changed and every unit within {@code depth} steps of one, in either build. */
  static Set<UnitId> units(Repository before, Repository after, int depth) {
    Map<UnitId, Unit> old = index(before);
    Map<UnitId, Unit> now = index(after);
    Set<UnitId> changed = new HashSet<>();
    for (Unit u : after.units()) {
      if (!Objects.equals(old.get(u.id()), u)) {
        changed.add(u.id());
      }
    }
    for (Unit u : before.units()) {
      if (!now.containsKey(u.id())) {
        changed.add(u.id());
      }
    }
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

  private static Map<UnitId, Unit> index(Repository r) {
    Map<UnitId, Unit> m = new HashMap<>();
    for (Unit u : r.units()) {
      m.put(u.id(), u);
    }
    return m;
  }
}
