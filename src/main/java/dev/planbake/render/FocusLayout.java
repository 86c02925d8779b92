package dev.planbake.render;

import dev.planbake.model.Diagram;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one unit waits on and what waits on it, transitively, laid out by hand in columns: each
 * upstream unit in the column of its longest path to the unit (so every arrow between neighbouring
 * columns points right, and a long chain is drawn link by link), each downstream unit likewise to
 * the right. A column holds at most {@link #COLUMN_LIMIT} boxes; the rest are summed up in one box
 * ("and 14 more →"). No ELK: a site lays out one of these per unit.
 */
final class FocusLayout {
  /** The most boxes of one column; beyond it the last box says how many more there are. */
  static final int COLUMN_LIMIT = 4;

  /**
   * The most unit boxes of one side: a chain of this many is drawn whole; farther units are counted
   * in one box at the far end. It bounds a page at any size of site.
   */
  static final int SIDE_LIMIT = 12;

  private static final int GAP_X = 48;
  private static final int GAP_Y = 12;
  private static final int PAD = 8;

  /**
   * The most units one side explores, nearest first; a side with more says "300 or more". See
   * docs/graph.md.
   */
  static final int REACH_LIMIT = 300;

  private FocusLayout() {}

  /**
   * The units on each side of a unit, each side as its columns from the unit outwards (column 0 is
   * one step away), every column in id order.
   */
  record Sides(List<List<Unit>> up, List<List<Unit>> down, boolean upMore, boolean downMore) {
    int upCount() {
      return up.stream().mapToInt(List::size).sum();
    }

    int downCount() {
      return down.stream().mapToInt(List::size).sum();
    }
  }

  /**
   * The units of a site by number, with their arrows both ways as arrays of numbers: built once per
   * render, then every focus view explores its sides with array reads instead of map lookups of
   * {@link UnitId}s (a thousand views explore over half a million units).
   */
  static final class Index {
    private final Unit[] units;
    private final Map<UnitId, Integer> number = new HashMap<>();
    private final int[][] up;
    private final int[][] down;
    private final ThreadLocal<Scratch> scratch;

    Index(Map<UnitId, Unit> byId) {
      units = byId.values().toArray(Unit[]::new);
      // Numbers in id order, so that sorting by number sorts by id.
      java.util.Arrays.sort(units, Comparator.comparing(Unit::id));
      for (int i = 0; i < units.length; i++) {
        number.put(units[i].id(), i);
      }
      up = new int[units.length][];
      down = new int[units.length][];
      for (int i = 0; i < units.length; i++) {
        up[i] = numbers(units[i].dependsOn());
        down[i] = numbers(units[i].enables());
      }
      int n = units.length;
      scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    private int[] numbers(List<UnitId> ids) {
      int[] out = new int[ids.size()];
      int k = 0;
      for (UnitId id : ids) {
        Integer i = number.get(id);
        if (i != null) {
          out[k++] = i;
        }
      }
      return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /**
     * The transitive upstream (along {@code dependsOn}) and downstream (along {@code enables}) of
     * {@code u}. A unit on a cycle through {@code u} is upstream only.
     */
    Sides sides(Unit u) {
      Integer at = number.get(u.id());
      if (at == null) {
        return new Sides(List.of(), List.of(), false, false);
      }
      Scratch s = scratch.get();
      int[] upReached = s.explore(at, up, null);
      int[] upColumn = s.columns(at, upReached, up);
      int[] downReached = s.explore(at, down, upReached);
      int[] downColumn = s.columns(at, downReached, down);
      return new Sides(
          byColumn(upReached, upColumn),
          byColumn(downReached, downColumn),
          upReached.length - 1 >= REACH_LIMIT,
          downReached.length - 1 >= REACH_LIMIT);
    }

    /** Reached units (the first is the unit itself, left out) grouped by column, in id order. */
    private List<List<Unit>> byColumn(int[] reached, int[] column) {
      List<List<Unit>> out = new ArrayList<>();
      int[] sorted = new int[reached.length - 1];
      System.arraycopy(reached, 1, sorted, 0, sorted.length);
      java.util.Arrays.sort(sorted);
      for (int i : sorted) {
        int c = column[i];
        while (out.size() <= c) {
          out.add(new ArrayList<>());
        }
        out.get(c).add(units[i]);
      }
      return out;
    }
  }

  /** One thread's working arrays, indexed by unit number and told apart by generation. */
  private static final class Scratch {
    private final int[] seen;
    private final int[] excluded;
    private final int[] distance;
    private final int[] incoming;
    private final int[] longest;
    private final int[] column;
    private final int[] queue;
    private int generation;
    private int excludedGeneration;

    Scratch(int n) {
      seen = new int[n];
      excluded = new int[n];
      distance = new int[n];
      incoming = new int[n];
      longest = new int[n];
      column = new int[n];
      queue = new int[n];
    }

    /**
     * Breadth first from {@code start} along {@code next}: the nearest {@link #REACH_LIMIT} units
     * at most (every unit's whole closure would cost time in the square of the site's size), never
     * those of {@code skip} (the other side, already explored). The start comes first.
     */
    int[] explore(int start, int[][] next, int[] skip) {
      if (skip != null) {
        excludedGeneration++;
        for (int i = 1; i < skip.length; i++) {
          excluded[skip[i]] = excludedGeneration;
        }
      }
      int gen = ++generation;
      int size = 0;
      queue[size++] = start;
      seen[start] = gen;
      distance[start] = 0;
      for (int head = 0; head < size && size <= REACH_LIMIT; head++) {
        int x = queue[head];
        for (int y : next[x]) {
          if (seen[y] != gen
              && (skip == null || excluded[y] != excludedGeneration)
              && size <= REACH_LIMIT) {
            seen[y] = gen;
            distance[y] = distance[x] + 1;
            queue[size++] = y;
          }
        }
      }
      return java.util.Arrays.copyOf(queue, size);
    }

    /**
     * The column of each reached unit (indexed by unit number): the longest path to it from the
     * start, less one, where the reached units form no cycle, else the shortest (Kahn's order).
     */
    int[] columns(int start, int[] reached, int[][] next) {
      int gen = seen[start];
      for (int x : reached) {
        incoming[x] = 0;
        longest[x] = 0;
      }
      for (int x : reached) {
        for (int y : next[x]) {
          if (seen[y] == gen && y != x) {
            incoming[y]++;
          }
        }
      }
      int done = 0;
      if (incoming[start] == 0) {
        int size = 0;
        queue[size++] = start;
        for (int head = 0; head < size; head++) {
          int x = queue[head];
          done++;
          for (int y : next[x]) {
            if (seen[y] != gen || y == x) {
              continue;
            }
            longest[y] = Math.max(longest[y], longest[x] + 1);
            if (--incoming[y] == 0) {
              queue[size++] = y;
            }
          }
        }
      }
      boolean acyclic = done == reached.length;
      for (int x : reached) {
        column[x] = (acyclic ? longest[x] : distance[x]) - 1;
      }
      return column;
    }
  }

  /** A drawing: its diagram and what its boxes and arrows stand for. */
  record Drawing(Diagram diagram, List<GraphSvg.Node> nodes, List<GraphSvg.Edge> edges) {}

  /**
   * Lays out the unit's box between its sides.
   *
   * @param box the box of a unit
   * @param more the box that stands for {@code n} more units of a column, upstream or not
   * @param edge the arrow of "{@code from} depends on {@code to}"
   */
  static Drawing draw(
      Unit center,
      GraphSvg.Node centerBox,
      Sides sides,
      Function<Unit, GraphSvg.Node> box,
      MoreBox more,
      EdgeOf edge) {
    // Columns left to right: the farthest upstream first, the unit, then downstream.
    List<List<GraphSvg.Node>> cols = new ArrayList<>();
    List<List<Unit>> colUnits = new ArrayList<>();
    List<List<Unit>> up = keep(sides.up(), center, true);
    List<List<Unit>> down = keep(sides.down(), center, false);
    int upFar = farther(sides.up(), up.size());
    if (upFar > 0) {
      cols.add(List.of(more.of("up:far", upFar, true)));
      colUnits.add(List.of());
    }
    for (int c = up.size() - 1; c >= 0; c--) {
      addColumn(cols, colUnits, up.get(c), sides.up().get(c).size(), box, more, true, c);
    }
    cols.add(List.of(centerBox));
    colUnits.add(List.of(center));
    for (int c = 0; c < down.size(); c++) {
      addColumn(cols, colUnits, down.get(c), sides.down().get(c).size(), box, more, false, c);
    }
    int downFar = farther(sides.down(), down.size());
    if (downFar > 0) {
      cols.add(List.of(more.of("down:far", downFar, false)));
      colUnits.add(List.of());
    }
    int rows = 0;
    int[] widths = new int[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      rows = Math.max(rows, cols.get(c).size());
      for (GraphSvg.Node n : cols.get(c)) {
        widths[c] = Math.max(widths[c], n.width());
      }
    }
    int rowH = GraphSvg.NODE_HEIGHT + GAP_Y;
    List<Diagram.Box> boxes = new ArrayList<>();
    Map<UnitId, Diagram.Box> boxOf = new HashMap<>();
    Map<UnitId, Integer> columnOf = new HashMap<>();
    List<GraphSvg.Node> nodes = new ArrayList<>();
    int x = PAD;
    for (int c = 0; c < cols.size(); c++) {
      List<GraphSvg.Node> col = cols.get(c);
      int y = PAD + (rows - col.size()) * rowH / 2;
      for (int i = 0; i < col.size(); i++) {
        GraphSvg.Node n = col.get(i);
        Diagram.Box b = new Diagram.Box(n.key(), x, y, widths[c], GraphSvg.NODE_HEIGHT);
        boxes.add(b);
        nodes.add(n);
        if (i < colUnits.get(c).size()) {
          boxOf.put(colUnits.get(c).get(i).id(), b);
          columnOf.put(colUnits.get(c).get(i).id(), c);
        }
        y += rowH;
      }
      x += widths[c] + GAP_X;
    }
    // Arrows between neighbouring columns only, from a dependency to the unit that needs it.
    List<GraphSvg.Edge> edges = new ArrayList<>();
    List<Diagram.Arrow> arrows = new ArrayList<>();
    for (int c = 1; c < colUnits.size(); c++) {
      for (Unit needer : colUnits.get(c)) {
        for (UnitId dep : needer.dependsOn()) {
          Integer cd = columnOf.get(dep);
          if (cd == null || cd != c - 1) {
            continue;
          }
          Diagram.Box a = boxOf.get(dep);
          Diagram.Box b = boxOf.get(needer.id());
          edges.add(edge.of(needer, dep));
          int sx = a.x() + a.width();
          int sy = a.y() + a.height() / 2;
          int ex = b.x();
          int ey = b.y() + b.height() / 2;
          int mx = a.x() + widths[c - 1] + GAP_X / 2;
          arrows.add(
              new Diagram.Arrow(
                  a.key(),
                  b.key(),
                  List.of(
                      new Diagram.Point(sx, sy),
                      new Diagram.Point(mx, sy),
                      new Diagram.Point(mx, ey),
                      new Diagram.Point(ex, ey))));
        }
      }
    }
    int height = PAD * 2 + rows * rowH - GAP_Y;
    return new Drawing(new Diagram(x - GAP_X + PAD, height, boxes, arrows), nodes, edges);
  }

  /** The units a drawing shows in boxes of their own, besides the centre. */
  static List<Unit> drawn(Sides sides, Unit center) {
    List<Unit> out = new ArrayList<>();
    keep(sides.up(), center, true).forEach(out::addAll);
    keep(sides.down(), center, false).forEach(out::addAll);
    return out;
  }

  /** The box for the {@code n} units of a column not drawn one by one. */
  interface MoreBox {
    GraphSvg.Node of(String key, int n, boolean upstream);
  }

  /** The arrow of "{@code from} depends on {@code to}". */
  interface EdgeOf {
    GraphSvg.Edge of(Unit from, UnitId to);
  }

  /** The units of the columns from {@code from} on, which the drawing only counts. */
  private static int farther(List<List<Unit>> columns, int from) {
    int n = 0;
    for (int c = from; c < columns.size(); c++) {
      n += columns.get(c).size();
    }
    return n;
  }

  private static void addColumn(
      List<List<GraphSvg.Node>> cols,
      List<List<Unit>> colUnits,
      List<Unit> kept,
      int all,
      Function<Unit, GraphSvg.Node> box,
      MoreBox more,
      boolean upstream,
      int c) {
    List<GraphSvg.Node> col = new ArrayList<>();
    kept.forEach(u -> col.add(box.apply(u)));
    if (kept.size() < all) {
      col.add(more.of((upstream ? "up:" : "down:") + c, all - kept.size(), upstream));
    }
    cols.add(col);
    colUnits.add(kept);
  }

  /**
   * The units each column draws, nearest column first, until {@link #SIDE_LIMIT} boxes are drawn:
   * all of a column that fits, else the units linked to those kept in the column before, in the
   * order of their neighbours there (which keeps arrows from crossing), then in id order.
   */
  private static List<List<Unit>> keep(List<List<Unit>> columns, Unit center, boolean upstream) {
    List<List<Unit>> out = new ArrayList<>();
    Map<UnitId, Integer> before = Map.of(center.id(), 0);
    int room = SIDE_LIMIT;
    for (List<Unit> col : columns) {
      if (room <= 0) {
        break;
      }
      int limit = Math.min(COLUMN_LIMIT, room);
      Map<UnitId, Integer> previous = before;
      // Upstream, a unit is linked to the column before by those that depend on it.
      Map<UnitId, Double> rank = new HashMap<>();
      for (Unit u : col) {
        double sum = 0;
        int n = 0;
        for (UnitId v : upstream ? u.enables() : u.dependsOn()) {
          Integer at = previous.get(v);
          if (at != null) {
            sum += at;
            n++;
          }
        }
        rank.put(u.id(), n == 0 ? Double.MAX_VALUE : sum / n);
      }
      List<Unit> sorted = new ArrayList<>(col);
      sorted.sort(Comparator.comparing((Unit u) -> rank.get(u.id())).thenComparing(Unit::id));
      List<Unit> kept = sorted.size() <= limit ? sorted : sorted.subList(0, Math.max(1, limit - 1));
      room -= kept.size();
      Map<UnitId, Integer> at = new HashMap<>();
      for (int i = 0; i < kept.size(); i++) {
        at.put(kept.get(i).id(), i);
      }
      out.add(kept);
      before = at;
    }
    return out;
  }
}
