package dev.planbake.render;

import dev.planbake.model.Diagram;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small graph on a plan page: what a unit depends on and what needs it, two steps each way. It
 * is laid out by hand in five columns of distance (two up, one up, the unit, one down, two down),
 * not by ELK: a thousand plan pages must not cost a thousand layouts.
 */
final class Neighbourhood {
  static final int DEPTH = 2;

  /** The most boxes of one column; beyond it the last box says how many more there are. */
  static final int COLUMN_LIMIT = 8;

  private static final int GAP_X = 44;
  private static final int GAP_Y = 10;
  private static final int PAD = 6;

  private final Map<UnitId, Unit> units;
  private final GraphGroups groups;
  private final GraphBoxes.Cycles cycles;
  private final Map<String, Map<UnitId, GraphSvg.Node>> made = new ConcurrentHashMap<>();

  Neighbourhood(Map<UnitId, Unit> units, GraphGroups groups, GraphBoxes.Cycles cycles) {
    this.units = units;
    this.groups = groups;
    this.cycles = cycles;
  }

  /** The figure for one unit, or nothing when it has no dependencies either way. */
  Utf8Html figure(Unit u, String root) {
    if (u.dependsOn().isEmpty() && u.enables().isEmpty()) {
      return Utf8Html.EMPTY;
    }
    Set<UnitId> seen = new HashSet<>();
    seen.add(u.id());
    List<List<Unit>> up = rings(u, true, seen);
    List<List<Unit>> down = rings(u, false, seen);
    List<List<Unit>> columns = new ArrayList<>();
    columns.add(up.get(1));
    columns.add(up.get(0));
    columns.add(List.of(u));
    columns.add(down.get(0));
    columns.add(down.get(1));

    String whole = root + groups.pageOf(u.id());
    String more = root + Urls.focus(u);
    List<GraphSvg.Node> nodes = new ArrayList<>();
    List<List<GraphSvg.Node>> placed = new ArrayList<>();
    Map<String, Integer> columnOf = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      List<Unit> col = columns.get(c);
      List<GraphSvg.Node> boxes = new ArrayList<>();
      int shown = col.size() <= COLUMN_LIMIT ? col.size() : COLUMN_LIMIT - 1;
      for (int i = 0; i < shown; i++) {
        Unit x = col.get(i);
        // The unit itself is this page: no link, and its own anchor would only repeat it.
        GraphSvg.Node n = x == u ? node(x, root, " gcenter").unlinked() : box(x, root);
        boxes.add(n);
        columnOf.put(n.key(), c);
      }
      if (shown < col.size()) {
        int rest = col.size() - shown;
        boxes.add(
            GraphSvg.Node.of(
                "more:" + c,
                "…",
                "+" + rest + " more",
                "in its focus view",
                more,
                rest + " more units at this distance: see the focus view",
                "gmore"));
      }
      placed.add(boxes);
      nodes.addAll(boxes);
    }

    int rows = 0;
    int[] widths = new int[columns.size()];
    for (int c = 0; c < placed.size(); c++) {
      rows = Math.max(rows, placed.get(c).size());
      for (GraphSvg.Node n : placed.get(c)) {
        widths[c] = Math.max(widths[c], n.size().width());
      }
    }
    int rowH = GraphSvg.NODE_HEIGHT + GAP_Y;
    int height = PAD * 2 + rows * rowH - GAP_Y;
    List<Diagram.Box> boxes = new ArrayList<>();
    Map<String, Diagram.Box> boxOf = new HashMap<>();
    int x = PAD;
    for (int c = 0; c < placed.size(); c++) {
      List<GraphSvg.Node> col = placed.get(c);
      if (col.isEmpty()) {
        continue;
      }
      int y = PAD + (rows - col.size()) * rowH / 2;
      for (GraphSvg.Node n : col) {
        Diagram.Box b = new Diagram.Box(n.key(), x, y, widths[c], GraphSvg.NODE_HEIGHT);
        boxes.add(b);
        boxOf.put(n.key(), b);
        y += rowH;
      }
      x += widths[c] + GAP_X;
    }
    int width = x - GAP_X + PAD;

    // Arrows run between neighbouring columns only: from a dependency to the unit that needs it.
    List<GraphSvg.Edge> edges = new ArrayList<>();
    List<Diagram.Arrow> arrows = new ArrayList<>();
    for (GraphSvg.Node n : nodes) {
      Unit down1 = units.get(UnitId.parse(n.key()));
      if (!boxOf.containsKey(n.key()) || down1 == null || n.key().startsWith("more:")) {
        continue;
      }
      for (UnitId dep : down1.dependsOn()) {
        String k = dep.toString();
        Integer cf = columnOf.get(k);
        if (cf == null || cf + 1 != columnOf.get(n.key())) {
          continue;
        }
        edges.add(
            GraphBoxes.edge(
                down1,
                units.get(dep),
                cycles.edges().contains(GraphBoxes.Cycles.key(down1.id(), dep))));
        Diagram.Box a = boxOf.get(k);
        Diagram.Box b = boxOf.get(n.key());
        int sx = a.x() + a.width();
        int sy = a.y() + a.height() / 2;
        int ex = b.x();
        int ey = b.y() + b.height() / 2;
        int mx = (sx + ex) / 2;
        arrows.add(
            new Diagram.Arrow(
                k,
                n.key(),
                List.of(
                    new Diagram.Point(sx, sy),
                    new Diagram.Point(mx, sy),
                    new Diagram.Point(mx, ey),
                    new Diagram.Point(ex, ey))));
      }
    }
    Diagram d = new Diagram(width, height, boxes, arrows);
    int ups = up.get(0).size() + up.get(1).size();
    int downs = down.get(0).size() + down.get(1).size();
    String label =
        "Neighbourhood of "
            + u.label()
            + ": "
            + GraphBoxes.count(ups, "unit")
            + " upstream and "
            + GraphBoxes.count(downs, "unit")
            + " downstream within two steps";
    Utf8Text out = FIGURE.get();
    out.clear();
    out.append("<figure class=\"hood\">\n<figcaption>Neighbourhood: two steps up and down · <a")
        .ascii(" href=\"")
        .append(Escape.xml(more))
        .append("\">everything it waits on and what waits on it</a> · <a href=\"")
        .append(Escape.xml(whole))
        .ascii("\">whole graph</a></figcaption>\n<div class=\"graph-scroll\">");
    GraphSvg.svg(out, d, nodes, edges, "graph graph-hood", label);
    Utf8Html figure = out.ascii("</div>\n</figure>\n").html();
    out.clear();
    return figure;
  }

  /** Each thread draws its figures in one buffer, which keeps its size from page to page. */
  private static final ThreadLocal<Utf8Text> FIGURE = ThreadLocal.withInitial(Utf8Text::new);

  /** A neighbour's box, made once per page depth: a unit is drawn on every plan page near it. */
  private GraphSvg.Node box(Unit x, String root) {
    if (units.get(x.id()) != x) {
      return node(x, root, "");
    }
    return made.computeIfAbsent(root, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(x.id(), id -> node(x, root, ""));
  }

  private GraphSvg.Node node(Unit x, String root, String extraCss) {
    return GraphBoxes.node(x, root, cycles.units().contains(x.id()), extraCss);
  }

  /**
   * The units one and two steps away, upstream or downstream, each at its shortest distance and in
   * id order; {@code seen} keeps a unit from showing twice.
   */
  private List<List<Unit>> rings(Unit u, boolean upstream, Set<UnitId> seen) {
    List<List<Unit>> out = new ArrayList<>();
    Set<UnitId> frontier = Set.of(u.id());
    for (int d = 0; d < DEPTH; d++) {
      TreeSet<UnitId> next = new TreeSet<>();
      for (UnitId id : frontier) {
        Unit x = units.get(id);
        if (x == null) {
          continue;
        }
        for (UnitId y : upstream ? x.dependsOn() : x.enables()) {
          if (units.containsKey(y) && !seen.contains(y)) {
            next.add(y);
          }
        }
      }
      seen.addAll(next);
      List<Unit> ring = new ArrayList<>();
      next.forEach(id -> ring.add(units.get(id)));
      out.add(ring);
      frontier = next;
    }
    return out;
  }
}
