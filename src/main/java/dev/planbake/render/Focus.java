package dev.planbake.render;

import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The focus view of a unit ({@code units/<id>/graph/}): everything it waits on and everything that
 * waits on it, transitively, drawn by {@link FocusLayout} and listed in full below the drawing.
 */
final class Focus {
  /** The most units one list names; the rest are counted. Bounds a page at any size of site. */
  static final int LIST_LIMIT = 40;

  private final Pages pages;
  private final Theme theme;
  private final Map<UnitId, Unit> units;
  private final GraphGroups groups;
  private final GraphBoxes.Cycles cycles;
  private final FocusLayout.Index index;

  /**
   * What every view that draws or lists a unit writes the same way, made once per render: a site of
   * 10,000 units draws each unit in a dozen views and lists it in dozens more.
   */
  private final Map<UnitId, Parts> parts = new ConcurrentHashMap<>();

  /**
   * A unit as the views show it: its box without a link, its focus view's URL from the site's root,
   * and its list row after the row's opening {@code <li><a href="} and the root.
   */
  private record Parts(GraphSvg.Node box, String focusUrl, String rowTail) {}

  Focus(
      Pages pages,
      Theme theme,
      Map<UnitId, Unit> units,
      GraphGroups groups,
      GraphBoxes.Cycles cycles) {
    this.pages = pages;
    this.theme = theme;
    this.units = units;
    this.groups = groups;
    this.cycles = cycles;
    this.index = new FocusLayout.Index(units);
  }

  /** Whether a unit has a focus view: every unit the graph draws. */
  static boolean has(Unit u) {
    return GraphGroups.drawn(u);
  }

  /** The units whose focus view shows {@code u}: its own, and those of its up- and downstream. */
  FocusLayout.Sides sides(Unit u) {
    return index.sides(u);
  }

  Page page(Unit u, FocusLayout.Sides sides) {
    String root = "../".repeat(3 + (u.id().isScoped() ? 1 : 0));
    String plan = root + (u.placeholder() ? Urls.unitPermalink(u) : Urls.unitPage(u));
    GraphSvg.Node center =
        GraphBoxes.node(u, root, cycles.units().contains(u.id()), " gcenter").linkedTo(plan);
    FocusLayout.Drawing d =
        FocusLayout.draw(
            u,
            center,
            sides,
            x -> {
              Parts p = parts(x);
              return p.box().linkedTo(root + p.focusUrl());
            },
            (key, n, upstream) ->
                GraphSvg.Node.of(
                    key,
                    "…",
                    "and " + n + " more →",
                    upstream ? "waits on them too" : "wait on it too",
                    upstream ? "#upstream" : "#downstream",
                    n + " more units at this distance; the list below names them all",
                    "gmore"),
            (from, to) ->
                GraphBoxes.edge(
                    from,
                    units.get(to),
                    cycles.edges().contains(GraphBoxes.Cycles.key(from.id(), to))));
    int ups = sides.upCount();
    int downs = sides.downCount();
    String name = u.id().isNumbered() || u.title().isEmpty() ? u.label() : u.title();
    String label =
        "Focus on "
            + u.label()
            + ": "
            + GraphBoxes.count(ups, "unit")
            + (sides.upMore() ? " or more" : "")
            + " upstream, "
            + GraphBoxes.count(downs, "unit")
            + (sides.downMore() ? " or more" : "")
            + " downstream";
    String svg = GraphSvg.svg(d.diagram(), d.nodes(), d.edges(), "graph graph-focus", label);
    GraphGroups.Group g = groups.groupOf(u.id());
    View.FocusPage view =
        new View.FocusPage(
            u.id().isNumbered() && !u.title().isEmpty() ? u.label() + ": " + u.title() : name,
            plan,
            u.placeholder() ? "its page (not yet planned)" : "its plan",
            root + "graph/",
            g == null ? "" : g.name(),
            g == null ? "" : root + "graph/" + g.slug() + "/",
            GraphBoxes.count(ups, "unit") + (sides.upMore() ? " or more" : ""),
            GraphBoxes.count(downs, "unit") + (sides.downMore() ? " or more" : ""),
            ups + (sides.upMore() ? "+" : ""),
            downs + (sides.downMore() ? "+" : ""),
            svg,
            d.diagram().width(),
            GraphBoxes.legend(),
            list(sides.up(), u, root, true),
            list(sides.down(), u, root, false),
            ups,
            downs);
    String path = Urls.focus(u) + "index.html";
    Map<String, Object> ctx =
        pages.context(
            root,
            pages.meta(
                "Focus: " + view.heading(),
                "What "
                    + u.label()
                    + " waits on ("
                    + view.upstream()
                    + ") and what waits on it ("
                    + view.downstream()
                    + ")",
                Urls.focus(u)));
    ctx.put("focus", view);
    return theme.page(path, "focus", ctx);
  }

  /**
   * Every unit of one side as HTML list items: those it is linked to directly, then the rest,
   * nearest first, at most {@link #LIST_LIMIT} in all. Built here rather than in the template, as a
   * thousand focus views list over fifty thousand units.
   */
  private String list(List<List<Unit>> columns, Unit center, String root, boolean upstream) {
    Listed l = listed(columns, center, upstream);
    List<Unit> direct = l.direct();
    List<Unit> through = l.through();
    StringBuilder sb =
        new StringBuilder(120 * Math.min(LIST_LIMIT, direct.size() + through.size()));
    int room = LIST_LIMIT;
    room = group(sb, "Directly", direct, root, room);
    room = group(sb, "Through others", through, root, room);
    int rest = direct.size() + through.size() - LIST_LIMIT;
    if (rest > 0) {
      sb.append("<li class=\"focus-rest\">and ")
          .append(GraphBoxes.count(rest, "more unit"))
          .append(" farther ")
          .append(upstream ? "upstream" : "downstream")
          .append(": open the focus view of the farthest units above</li>\n");
    }
    return sb.toString();
  }

  /**
   * The units of one side's list: those linked directly, in id order, then the rest, nearest first.
   */
  private record Listed(List<Unit> direct, List<Unit> through) {}

  private Listed listed(List<List<Unit>> columns, Unit center, boolean upstream) {
    // The columns hold the units of this renderer's map, so a neighbour is found by identity: a
    // thousand views sort over half a million units, and hashing each one's id cost more than
    // the rest of the list.
    List<UnitId> ids = upstream ? center.dependsOn() : center.enables();
    Unit[] near = new Unit[ids.size()];
    for (int i = 0; i < near.length; i++) {
      near[i] = units.get(ids.get(i));
    }
    Set<Unit> nearSet = null;
    if (near.length > NEAR_SCAN) {
      nearSet = Collections.newSetFromMap(new IdentityHashMap<>());
      Collections.addAll(nearSet, near);
    }
    List<Unit> direct = new ArrayList<>();
    List<Unit> through = new ArrayList<>();
    for (List<Unit> col : columns) {
      for (Unit x : col) {
        boolean isNear = nearSet != null ? nearSet.contains(x) : among(near, x);
        (isNear ? direct : through).add(x);
      }
    }
    direct.sort(Comparator.comparing(Unit::id));
    return new Listed(direct, through);
  }

  /** Up to this many direct neighbours are looked through one by one rather than hashed. */
  private static final int NEAR_SCAN = 8;

  private static boolean among(Unit[] near, Unit x) {
    for (Unit n : near) {
      if (n == x) {
        return true;
      }
    }
    return false;
  }

  /**
   * The units the focus view of a unit shows: its centre and boxes, which show all of a unit's look
   * and its progress, and its list rows, which show only what {@link #sameRow} compares. What else
   * the view says (the counts, the columns, which units it shows) depends on the dependencies
   * alone.
   */
  record Shown(List<UnitId> drawn, List<UnitId> listed) {
    /** Whether a view showing this changed with {@code changed}, of which {@code relisted}. */
    boolean changedWith(Set<UnitId> changed, Set<UnitId> relisted) {
      for (UnitId id : drawn) {
        if (changed.contains(id)) {
          return true;
        }
      }
      if (!relisted.isEmpty()) {
        for (UnitId id : listed) {
          if (relisted.contains(id)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  Shown shown(Unit u, FocusLayout.Sides sides) {
    List<UnitId> drawn = new ArrayList<>();
    drawn.add(u.id());
    for (Unit x : FocusLayout.drawn(sides, u)) {
      drawn.add(x.id());
    }
    List<UnitId> listed = new ArrayList<>();
    for (boolean upstream : new boolean[] {true, false}) {
      Listed l = listed(upstream ? sides.up() : sides.down(), u, upstream);
      int room = LIST_LIMIT;
      for (List<Unit> part : List.of(l.direct(), l.through())) {
        for (Unit x : part) {
          if (room-- <= 0) {
            break;
          }
          listed.add(x.id());
        }
      }
    }
    return new Shown(drawn, listed);
  }

  /**
   * Whether two versions of a unit give the same row in a focus view's list ({@link #group} writes
   * its id, label, title and standing), as after a tick that changed only its progress.
   */
  static boolean sameRow(Unit a, Unit b) {
    return a != null
        && b != null
        && a.id().equals(b.id())
        && a.label().equals(b.label())
        && a.title().equals(b.title())
        && a.placeholder() == b.placeholder()
        && GraphBoxes.look(a).equals(GraphBoxes.look(b));
  }

  /** One titled group of a side's list; returns the room left. */
  private int group(StringBuilder sb, String name, List<Unit> us, String root, int room) {
    if (us.isEmpty() || room <= 0) {
      return room;
    }
    sb.append("<li><span class=\"focus-step\">")
        .append(name)
        .append(" (")
        .append(us.size())
        .append(")</span><ul>");
    for (Unit x : us) {
      if (room-- <= 0) {
        break;
      }
      // The root is "../" repeated, which escaping leaves as it is.
      sb.append("<li><a href=\"").append(root).append(parts(x).rowTail());
    }
    sb.append("</ul></li>\n");
    return Math.max(room, 0);
  }

  private Parts parts(Unit x) {
    Parts p = parts.get(x.id());
    if (p == null) {
      p = partsOf(x);
      parts.put(x.id(), p);
    }
    return p;
  }

  private Parts partsOf(Unit x) {
    String focusUrl = Urls.focus(x);
    View.Status s = GraphBoxes.look(x);
    StringBuilder sb = new StringBuilder(160);
    sb.append(Escape.xml(focusUrl))
        .append("\" data-unit=\"")
        .append(Escape.xml(x.id().toString()))
        .append("\">")
        .append(Escape.xml(x.label()))
        .append("</a>");
    if (!x.placeholder() && !x.title().isEmpty() && !x.title().equals(x.label())) {
      sb.append(' ').append(Escape.xml(x.title()));
    }
    sb.append(" <span class=\"focus-status status-")
        .append(s.slug())
        .append("\"><span aria-hidden=\"true\">")
        .append(s.icon())
        .append("</span> ")
        .append(s.label())
        .append("</span></li>");
    GraphSvg.Node box = GraphBoxes.node(x, "", cycles.units().contains(x.id()), "");
    return new Parts(box, focusUrl, sb.toString());
  }
}
