package dev.planbake.render;

import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The focus views of a site, as render jobs. A one-shot build makes every view. A serve session
 * remembers which units each view shows; an edit that changes no dependency (a tick, a status, a
 * title) then makes again only the views that show a changed unit, without exploring any view's
 * sides. An edit that changes dependencies makes again every view up- or downstream of a changed
 * unit whose sides show one, and the next edit learns what the views show afresh.
 */
final class FocusViews {
  /** Focus views per render job: enough that a job outweighs its scheduling. */
  private static final int PER_JOB = 32;

  /** What each view of the last update shows, by the view's unit; null when not known. */
  private Map<UnitId, Focus.Shown> shownOf;

  /**
   * The views that draw and that list each unit, by unit: {@link #shownOf} turned around, made when
   * an edit first needs it and kept while {@link #shownOf} holds.
   */
  private Map<UnitId, List<UnitId>> drawnIn;

  private Map<UnitId, List<UnitId>> listedIn;

  /** The units of the last update by number, kept while the next has the same dependencies. */
  private FocusLayout.Index lastIndex;

  private final AtomicLong nanos = new AtomicLong();

  /** How the renderer takes the pages a job made. */
  interface Emit {
    List<Page> emit(Page[] made) throws IOException;
  }

  /**
   * The jobs that make (or keep) the focus view of every drawn unit.
   *
   * @param changes what changed since the last update, or null for a whole render
   * @param previous the pages of the last update by path (empty for a whole render)
   * @param remember whether to remember what each view shows for the next update (serve)
   */
  List<Jobs.Job<List<Page>>> jobs(
      Focus focus,
      List<Unit> units,
      Map<UnitId, Unit> byId,
      Affected changes,
      Map<String, Page> previous,
      boolean remember,
      Emit emit) {
    nanos.set(0);
    FocusLayout.Index index = focus.index(remember ? lastIndex : null);
    lastIndex = remember ? index : null;
    boolean all = changes == null;
    Set<UnitId> changed = all ? Set.of() : changes.within(0);
    boolean dependenciesChanged = all || changes.dependenciesChanged();
    // Units whose row in a view's list reads otherwise; the others changed only in their boxes.
    Set<UnitId> relisted = new HashSet<>();
    for (UnitId id : changed) {
      if (all || !Focus.sameRow(changes.before(id), changes.after(id))) {
        relisted.add(id);
      }
    }
    Set<UnitId> stale = null;
    if (!dependenciesChanged && shownOf != null) {
      if (drawnIn == null) {
        turnAround();
      }
      // The views that draw a changed unit, or list one whose row reads otherwise.
      stale = new HashSet<>(changed);
      for (UnitId id : changed) {
        stale.addAll(drawnIn.getOrDefault(id, List.of()));
      }
      for (UnitId id : relisted) {
        stale.addAll(listedIn.getOrDefault(id, List.of()));
      }
    }
    boolean learn = remember && (dependenciesChanged || shownOf == null);
    Map<UnitId, Focus.Shown> shownNow = learn ? new ConcurrentHashMap<>() : null;
    if (learn || !remember) {
      shownOf = shownNow;
      drawnIn = null;
      listedIn = null;
    }
    Set<UnitId> reached = all || stale != null || learn ? Set.of() : reach(changed, byId);
    Set<UnitId> staleViews = stale;
    List<Jobs.Job<List<Page>>> jobs = new ArrayList<>();
    for (int from = 0; from < units.size(); from += PER_JOB) {
      List<Unit> slice = units.subList(from, Math.min(units.size(), from + PER_JOB));
      jobs.add(
          () -> {
            long start = System.nanoTime();
            List<Page> made = new ArrayList<>(slice.size());
            for (Unit u : slice) {
              Page was = all ? null : previous.get(Urls.focus(u) + "index.html");
              if (staleViews != null) {
                // What every view shows is known and no dependency changed.
                made.add(
                    was != null && !staleViews.contains(u.id())
                        ? was
                        : focus.page(u, focus.sides(u)));
                continue;
              }
              if (was != null && !learn && !reached.contains(u.id())) {
                // Nothing changed up- or downstream of it: its view is as it was.
                made.add(was);
                continue;
              }
              FocusLayout.Sides sides = focus.sides(u);
              Focus.Shown shown =
                  shownNow != null || !dependenciesChanged ? focus.shown(u, sides) : null;
              if (shownNow != null) {
                shownNow.put(u.id(), shown);
              }
              boolean redo =
                  was == null
                      || (dependenciesChanged
                          ? changed.contains(u.id()) || shows(sides, changed)
                          : changed.contains(u.id()) || shown.changedWith(changed, relisted));
              made.add(redo ? focus.page(u, sides) : was);
            }
            nanos.addAndGet(System.nanoTime() - start);
            return emit.emit(made.toArray(Page[]::new));
          });
    }
    return jobs;
  }

  /** Makes {@link #drawnIn} and {@link #listedIn} from {@link #shownOf}. */
  private void turnAround() {
    drawnIn = new HashMap<>();
    listedIn = new HashMap<>();
    for (Map.Entry<UnitId, Focus.Shown> e : shownOf.entrySet()) {
      for (UnitId id : e.getValue().drawn()) {
        drawnIn.computeIfAbsent(id, k -> new ArrayList<>()).add(e.getKey());
      }
      for (UnitId id : e.getValue().listed()) {
        listedIn.computeIfAbsent(id, k -> new ArrayList<>()).add(e.getKey());
      }
    }
  }

  /** CPU time the jobs of the last update took, summed over the threads that ran them. */
  long millis() {
    return nanos.get() / 1_000_000;
  }

  /**
   * The changed units and everything up- or downstream of them: the only units whose focus view can
   * show a changed unit (x is downstream of u exactly when u is upstream of x).
   */
  private static Set<UnitId> reach(Set<UnitId> changed, Map<UnitId, Unit> units) {
    Set<UnitId> seen = new HashSet<>(changed);
    for (boolean up : new boolean[] {true, false}) {
      Deque<UnitId> todo = new ArrayDeque<>(changed);
      Set<UnitId> side = new HashSet<>(changed);
      while (!todo.isEmpty()) {
        Unit u = units.get(todo.pop());
        if (u == null) {
          continue;
        }
        for (UnitId next : up ? u.dependsOn() : u.enables()) {
          if (side.add(next)) {
            todo.push(next);
          }
        }
      }
      seen.addAll(side);
    }
    return seen;
  }

  private static boolean shows(FocusLayout.Sides sides, Set<UnitId> changed) {
    if (changed.isEmpty()) {
      return false;
    }
    for (int[][] side : List.of(sides.up(), sides.down())) {
      for (int[] column : side) {
        for (int x : column) {
          if (changed.contains(sides.unit(x).id())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
