package dev.planbake.render;

import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * The units on each side of a unit, by their numbers in the {@link Index}, each side as its
   * columns from the unit outwards (column 0 is one step away), every column in id order.
   */
  record Sides(
      Index index, int center, int[][] up, int[][] down, boolean upMore, boolean downMore) {
    int upCount() {
      return count(up);
    }

    int downCount() {
      return count(down);
    }

    private static int count(int[][] columns) {
      int n = 0;
      for (int[] c : columns) {
        n += c.length;
      }
      return n;
    }

    Unit unit(int number) {
      return index.units[number];
    }
  }

  /**
   * The units of a site by number, in id order, with their arrows both ways as arrays of numbers:
   * built once per render, then every focus view explores, sorts and looks up units by number
   * instead of by {@link UnitId} (a site of 10,000 units explores millions of them).
   */
  static final class Index {
    private final Unit[] units;
    private final Map<UnitId, Integer> number;
    private final int[][] up;
    private final int[][] down;
    private final ThreadLocal<Scratch> scratch;

    private Index(Unit[] units, Index same) {
      this.units = units;
      this.number = same.number;
      this.up = same.up;
      this.down = same.down;
      this.scratch = same.scratch;
    }

    /**
     * This index for {@code byId} when it holds the same units (by id) with the same dependencies
     * both ways, as after an edit that changed boxes, statuses or titles: the numbers and arrows
     * are kept and the units replaced, instead of sorting them all again. Null when they differ.
     */
    Index with(Map<UnitId, Unit> byId) {
      if (byId.size() != units.length) {
        return null;
      }
      Unit[] next = new Unit[units.length];
      for (Unit u : byId.values()) {
        Integer i = number.get(u.id());
        if (i == null || next[i] != null) {
          return null;
        }
        Unit was = units[i];
        if (!same(was.dependsOn(), u.dependsOn()) || !same(was.enables(), u.enables())) {
          return null;
        }
        next[i] = u;
      }
      return new Index(next, this);
    }

    private static boolean same(List<UnitId> a, List<UnitId> b) {
      return a == b || a.equals(b);
    }

    Index(Map<UnitId, Unit> byId) {
      units = byId.values().toArray(Unit[]::new);
      number = new HashMap<>(2 * units.length);
      // Numbers in id order, so that sorting by number sorts by id.
      Arrays.sort(units, Comparator.comparing(Unit::id));
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
      return k == out.length ? out : Arrays.copyOf(out, k);
    }

    int size() {
      return units.length;
    }

    Unit unit(int number) {
      return units[number];
    }

    /** The unit's number, or -1 if it is not in the index. */
    int number(UnitId id) {
      Integer i = number.get(id);
      return i == null ? -1 : i;
    }

    /** The numbers of what a unit depends on, in the order of its {@code dependsOn}. */
    int[] up(int unit) {
      return up[unit];
    }

    /** The numbers of what a unit enables, in the order of its {@code enables}. */
    int[] down(int unit) {
      return down[unit];
    }

    /**
     * The transitive upstream (along {@code dependsOn}) and downstream (along {@code enables}) of
     * {@code u}. A unit on a cycle through {@code u} is upstream only.
     */
    Sides sides(Unit u) {
      int at = number(u.id());
      if (at < 0) {
        return new Sides(this, -1, new int[0][], new int[0][], false, false);
      }
      Scratch s = scratch.get();
      int[] upReached = s.explore(at, up, null);
      int[] upColumn = s.columns(at, upReached, up);
      int[][] upSide = byColumn(upReached, upColumn);
      int[] downReached = s.explore(at, down, upReached);
      int[] downColumn = s.columns(at, downReached, down);
      return new Sides(
          this,
          at,
          upSide,
          byColumn(downReached, downColumn),
          upReached.length - 1 >= REACH_LIMIT,
          downReached.length - 1 >= REACH_LIMIT);
    }

    /** Reached units (the first is the unit itself, left out) grouped by column, in id order. */
    private static int[][] byColumn(int[] reached, int[] column) {
      int[] sorted = Arrays.copyOfRange(reached, 1, reached.length);
      Arrays.sort(sorted);
      int columns = 0;
      for (int i : sorted) {
        columns = Math.max(columns, column[i] + 1);
      }
      int[] sizes = new int[columns];
      for (int i : sorted) {
        sizes[column[i]]++;
      }
      int[][] out = new int[columns][];
      for (int c = 0; c < columns; c++) {
        out[c] = new int[sizes[c]];
        sizes[c] = 0;
      }
      for (int i : sorted) {
        int c = column[i];
        out[c][sizes[c]++] = i;
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

    /** The units kept in the column before, and their positions there ({@link #keep}). */
    private final int[] kept;

    private final int[] keptAt;
    private int keptGeneration;

    /** The units placed in the drawing being made, their columns and tops ({@link #draw}). */
    private final int[] placed;

    private final int[] placedColumn;
    private final int[] placedY;
    private int placedGeneration;

    /**
     * The drawing being written: one buffer per thread, as a drawing is tens of kilobytes and a
     * site of 10,000 units draws 10,000 of them.
     */
    private final Utf8Text text = new Utf8Text();

    Scratch(int n) {
      seen = new int[n];
      excluded = new int[n];
      distance = new int[n];
      incoming = new int[n];
      longest = new int[n];
      column = new int[n];
      queue = new int[n];
      kept = new int[n];
      keptAt = new int[n];
      placed = new int[n];
      placedColumn = new int[n];
      placedY = new int[n];
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
      return Arrays.copyOf(queue, size);
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

  /** A drawing: its SVG and its width. */
  record Drawing(Utf8Html svg, int width) {}

  /** What the boxes and arrows of a drawing stand for. */
  interface Parts {
    /** The box of the unit numbered {@code unit}. */
    GraphSvg.Node box(int unit);

    /** The box that stands for {@code n} more units of a column, upstream or not. */
    GraphSvg.Node more(String key, int n, boolean upstream);

    /** The arrow of the {@code k}th dependency of {@code unit} (its {@link Index#up}). */
    GraphSvg.Edge edge(int unit, int k);
  }

  /**
   * Lays out the unit's box between its sides and draws it: arrows first, then boxes, as {@link
   * GraphSvg#svg} draws a diagram.
   */
  static Drawing draw(
      GraphSvg.Node centerBox, Sides sides, Parts parts, String css, String ariaLabel) {
    Index index = sides.index();
    Scratch scratch = index.scratch.get();
    // Columns left to right: the farthest upstream first, the unit, then downstream.
    List<GraphSvg.Node[]> cols = new ArrayList<>();
    List<int[]> colUnits = new ArrayList<>();
    int[][] up = keep(sides.up(), sides.center(), index, scratch, true);
    int[][] down = keep(sides.down(), sides.center(), index, scratch, false);
    int upFar = farther(sides.up(), up.length);
    if (upFar > 0) {
      cols.add(new GraphSvg.Node[] {parts.more("up:far", upFar, true)});
      colUnits.add(NONE);
    }
    for (int c = up.length - 1; c >= 0; c--) {
      addColumn(cols, colUnits, up[c], sides.up()[c].length, parts, true, c);
    }
    cols.add(new GraphSvg.Node[] {centerBox});
    colUnits.add(new int[] {sides.center()});
    for (int c = 0; c < down.length; c++) {
      addColumn(cols, colUnits, down[c], sides.down()[c].length, parts, false, c);
    }
    int downFar = farther(sides.down(), down.length);
    if (downFar > 0) {
      cols.add(new GraphSvg.Node[] {parts.more("down:far", downFar, false)});
      colUnits.add(NONE);
    }
    int rows = 0;
    int[] widths = new int[cols.size()];
    int[] xs = new int[cols.size()];
    int x = PAD;
    for (int c = 0; c < cols.size(); c++) {
      rows = Math.max(rows, cols.get(c).length);
      for (GraphSvg.Node n : cols.get(c)) {
        widths[c] = Math.max(widths[c], n.width());
      }
      xs[c] = x;
      x += widths[c] + GAP_X;
    }
    int rowH = GraphSvg.NODE_HEIGHT + GAP_Y;
    int width = x - GAP_X + PAD;
    int height = PAD * 2 + rows * rowH - GAP_Y;
    // Where each unit's box is, by number: its column and its top.
    int gen = ++scratch.placedGeneration;
    for (int c = 0; c < cols.size(); c++) {
      int[] us = colUnits.get(c);
      int y = top(rows, cols.get(c).length, rowH);
      for (int u : us) {
        scratch.placed[u] = gen;
        scratch.placedColumn[u] = c;
        scratch.placedY[u] = y;
        y += rowH;
      }
    }
    Utf8Text sb = scratch.text;
    sb.clear();
    GraphSvg.open(sb, css, width, height, ariaLabel);
    // Arrows between neighbouring columns only, from a dependency to the unit that needs it.
    int half = GraphSvg.NODE_HEIGHT / 2;
    for (int c = 1; c < colUnits.size(); c++) {
      for (int needer : colUnits.get(c)) {
        int[] deps = index.up(needer);
        for (int k = 0; k < deps.length; k++) {
          int dep = deps[k];
          if (scratch.placed[dep] != gen || scratch.placedColumn[dep] != c - 1) {
            continue;
          }
          int sy = scratch.placedY[dep] + half;
          int ey = scratch.placedY[needer] + half;
          int mx = xs[c - 1] + widths[c - 1] + GAP_X / 2;
          GraphSvg.appendElbow(
              sb, parts.edge(needer, k), xs[c - 1] + widths[c - 1], sy, mx, xs[c], ey);
        }
      }
    }
    for (int c = 0; c < cols.size(); c++) {
      GraphSvg.Node[] col = cols.get(c);
      int y = top(rows, col.length, rowH);
      for (GraphSvg.Node n : col) {
        GraphSvg.appendBox(sb, n, xs[c], y, widths[c], GraphSvg.NODE_HEIGHT);
        y += rowH;
      }
    }
    Utf8Html svg = sb.ascii("</svg>").html();
    sb.clear();
    return new Drawing(svg, width);
  }

  private static final int[] NONE = new int[0];

  /** The top of the first box of a column of {@code n} boxes, centred on the tallest column. */
  private static int top(int rows, int n, int rowH) {
    return PAD + (rows - n) * rowH / 2;
  }

  /** The numbers of the units a drawing shows in boxes of their own, besides the centre. */
  static List<Integer> drawn(Sides sides) {
    Scratch scratch = sides.index().scratch.get();
    List<Integer> out = new ArrayList<>();
    for (int[][] side :
        List.of(
            keep(sides.up(), sides.center(), sides.index(), scratch, true),
            keep(sides.down(), sides.center(), sides.index(), scratch, false))) {
      for (int[] col : side) {
        for (int u : col) {
          out.add(u);
        }
      }
    }
    return out;
  }

  /** The units of the columns from {@code from} on, which the drawing only counts. */
  private static int farther(int[][] columns, int from) {
    int n = 0;
    for (int c = from; c < columns.length; c++) {
      n += columns[c].length;
    }
    return n;
  }

  private static void addColumn(
      List<GraphSvg.Node[]> cols,
      List<int[]> colUnits,
      int[] kept,
      int all,
      Parts parts,
      boolean upstream,
      int c) {
    GraphSvg.Node[] col = new GraphSvg.Node[kept.length + (kept.length < all ? 1 : 0)];
    for (int i = 0; i < kept.length; i++) {
      col[i] = parts.box(kept[i]);
    }
    if (kept.length < all) {
      col[kept.length] = parts.more((upstream ? "up:" : "down:") + c, all - kept.length, upstream);
    }
    cols.add(col);
    colUnits.add(kept);
  }

  /**
   * The units each column draws, nearest column first, until {@link #SIDE_LIMIT} boxes are drawn:
   * all of a column that fits, else the units linked to those kept in the column before, in the
   * order of their neighbours there (which keeps arrows from crossing), then in id order.
   */
  private static int[][] keep(
      int[][] columns, int center, Index index, Scratch s, boolean upstream) {
    List<int[]> out = new ArrayList<>();
    // The column before: the unit, at position 0.
    int gen = ++s.keptGeneration;
    s.kept[center] = gen;
    s.keptAt[center] = 0;
    int room = SIDE_LIMIT;
    for (int[] col : columns) {
      if (room <= 0) {
        break;
      }
      int limit = Math.min(COLUMN_LIMIT, room);
      // Upstream, a unit is linked to the column before by those that depend on it.
      double[] rank = new double[col.length];
      for (int i = 0; i < col.length; i++) {
        double sum = 0;
        int n = 0;
        for (int v : upstream ? index.down(col[i]) : index.up(col[i])) {
          if (s.kept[v] == gen) {
            sum += s.keptAt[v];
            n++;
          }
        }
        rank[i] = n == 0 ? Double.MAX_VALUE : sum / n;
      }
      int take = col.length <= limit ? col.length : Math.max(1, limit - 1);
      int[] kept = first(col, rank, take);
      room -= kept.length;
      gen = ++s.keptGeneration;
      for (int i = 0; i < kept.length; i++) {
        s.kept[kept[i]] = gen;
        s.keptAt[kept[i]] = i;
      }
      out.add(kept);
    }
    return out.toArray(new int[0][]);
  }

  /**
   * The first {@code take} units of a column by rank, then by number (id order): picked one by one,
   * as a column keeps at most {@link #COLUMN_LIMIT} of its units.
   */
  private static int[] first(int[] col, double[] rank, int take) {
    int[] out = new int[take];
    boolean[] taken = new boolean[col.length];
    for (int k = 0; k < take; k++) {
      int best = -1;
      for (int i = 0; i < col.length; i++) {
        if (!taken[i]
            && (best < 0
                || Double.compare(rank[i], rank[best]) < 0
                || (Double.compare(rank[i], rank[best]) == 0 && col[i] < col[best]))) {
          best = i;
        }
      }
      taken[best] = true;
      out[k] = col[best];
    }
    return out;
  }
}
