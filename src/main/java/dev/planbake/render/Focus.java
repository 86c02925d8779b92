package dev.planbake.render;

import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The focus view of a unit ({@code units/<id>/graph/}): everything it waits on and everything that
 * waits on it, transitively, drawn by {@link FocusLayout} and listed in full below the drawing.
 */
final class Focus {
  /** The most units one list names; the rest are counted. Bounds a page at any size of site. */
  static final int LIST_LIMIT = 40;

  private final Pages pages;
  private final Theme theme;
  private final GraphGroups groups;
  private final GraphBoxes.Cycles cycles;
  private final Map<UnitId, Unit> units;
  private FocusLayout.Index index;

  /**
   * What every view that draws or lists a unit writes the same way, by the unit's number, made once
   * per render: a site of 10,000 units draws each unit in a dozen views and lists it in dozens
   * more. Filled as views need them; two threads that make the same parts make equal ones.
   */
  private Parts[] parts;

  /** The legend every focus view shows, drawn by the theme once per render. */
  private volatile Utf8Html legend;

  /** The arrows of each unit's dependencies (of its {@link FocusLayout.Index#up}), by number. */
  private GraphSvg.Edge[][] edges;

  /**
   * A unit as the views show it: its box linking to its focus view from a view three and four
   * folders deep, and its list row after the row's opening {@code <li><a href="} and the root.
   */
  private record Parts(GraphSvg.Node box3, GraphSvg.Node box4, byte[] rowTail) {}

  Focus(
      Pages pages,
      Theme theme,
      Map<UnitId, Unit> units,
      GraphGroups groups,
      GraphBoxes.Cycles cycles) {
    this.pages = pages;
    this.theme = theme;
    this.groups = groups;
    this.cycles = cycles;
    this.units = units;
  }

  /**
   * Numbers the units, or takes the numbers of {@code last} (the index of the last update, or null)
   * if the units and their dependencies are the same; before any view is made. Returns the index
   * taken, for the next update.
   */
  FocusLayout.Index index(FocusLayout.Index last) {
    FocusLayout.Index same = last == null ? null : last.with(units);
    index = same != null ? same : new FocusLayout.Index(units);
    parts = new Parts[index.size()];
    edges = new GraphSvg.Edge[index.size()][];
    return index;
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
    boolean deep = u.id().isScoped();
    String root = deep ? "../../../../" : "../../../";
    String plan = root + (u.placeholder() ? Urls.unitPermalink(u) : Urls.unitPage(u));
    GraphSvg.Node center =
        GraphBoxes.node(u, root, cycles.units().contains(u.id()), " gcenter").linkedTo(plan);
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
    FocusLayout.Drawing d =
        FocusLayout.draw(
            center,
            sides,
            new FocusLayout.Parts() {
              @Override
              public GraphSvg.Node box(int x) {
                Parts p = parts(x);
                return deep ? p.box4() : p.box3();
              }

              @Override
              public GraphSvg.Node more(String key, int n, boolean upstream) {
                return GraphSvg.Node.of(
                    key,
                    "…",
                    "and " + n + " more →",
                    upstream ? "waits on them too" : "wait on it too",
                    upstream ? "#upstream" : "#downstream",
                    n + " more units at this distance; the list below names them all",
                    "gmore");
              }

              @Override
              public GraphSvg.Edge edge(int x, int k) {
                return edges(x)[k];
              }
            },
            "graph graph-focus",
            label);
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
            d.svg(),
            d.width(),
            GraphBoxes.legend(),
            legend(),
            list(sides, sides.up(), root, true),
            list(sides, sides.down(), root, false),
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

  private Utf8Html legend() {
    Utf8Html l = legend;
    if (l == null) {
      String html = theme.render("focus-legend", Map.of("legend", GraphBoxes.legend()));
      l = new Utf8Html(html.getBytes(StandardCharsets.UTF_8));
      legend = l;
    }
    return l;
  }

  /**
   * Every unit of one side as HTML list items: those it is linked to directly, then the rest,
   * nearest first, at most {@link #LIST_LIMIT} in all. Built here rather than in the template, as a
   * thousand focus views list over fifty thousand units.
   */
  private Utf8Html list(FocusLayout.Sides sides, int[][] columns, String root, boolean upstream) {
    Listed l = listed(sides, columns, upstream);
    int[] direct = l.direct();
    int[] through = l.through();
    Utf8Text sb = LIST.get();
    sb.clear();
    int room = LIST_LIMIT;
    room = group(sb, "Directly", direct, root, room);
    room = group(sb, "Through others", through, root, room);
    int rest = direct.length + through.length - LIST_LIMIT;
    if (rest > 0) {
      sb.ascii("<li class=\"focus-rest\">and ")
          .append(GraphBoxes.count(rest, "more unit"))
          .ascii(" farther ")
          .append(upstream ? "upstream" : "downstream")
          .ascii(": open the focus view of the farthest units above</li>\n");
    }
    Utf8Html html = sb.html();
    sb.clear();
    return html;
  }

  /** Each thread writes its lists into one buffer, which holds its size from list to list. */
  private static final ThreadLocal<Utf8Text> LIST = ThreadLocal.withInitial(Utf8Text::new);

  /**
   * The numbers of the units of one side's list: those linked directly, in id order, then the rest,
   * nearest first.
   */
  private record Listed(int[] direct, int[] through) {}

  private Listed listed(FocusLayout.Sides sides, int[][] columns, boolean upstream) {
    int[] near = upstream ? index.up(sides.center()) : index.down(sides.center());
    int n = 0;
    for (int[] col : columns) {
      n += col.length;
    }
    int[] direct = new int[Math.min(n, near.length)];
    int[] through = new int[n];
    int d = 0;
    int t = 0;
    int[] sortedNear = null;
    if (near.length > NEAR_SCAN) {
      sortedNear = near.clone();
      Arrays.sort(sortedNear);
    }
    for (int[] col : columns) {
      for (int x : col) {
        if (sortedNear != null ? Arrays.binarySearch(sortedNear, x) >= 0 : among(near, x)) {
          direct[d++] = x;
        } else {
          through[t++] = x;
        }
      }
    }
    direct = Arrays.copyOf(direct, d);
    // Numbers are in id order.
    Arrays.sort(direct);
    return new Listed(direct, Arrays.copyOf(through, t));
  }

  private static boolean among(int[] near, int x) {
    for (int n : near) {
      if (n == x) {
        return true;
      }
    }
    return false;
  }

  /** Up to this many direct neighbours are looked through one by one rather than searched. */
  private static final int NEAR_SCAN = 8;

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
    for (int x : FocusLayout.drawn(sides)) {
      drawn.add(index.unit(x).id());
    }
    List<UnitId> listed = new ArrayList<>();
    for (boolean upstream : new boolean[] {true, false}) {
      Listed l = listed(sides, upstream ? sides.up() : sides.down(), upstream);
      int room = LIST_LIMIT;
      for (int[] part : List.of(l.direct(), l.through())) {
        for (int x : part) {
          if (room-- <= 0) {
            break;
          }
          listed.add(index.unit(x).id());
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
  private int group(Utf8Text sb, String name, int[] us, String root, int room) {
    if (us.length == 0 || room <= 0) {
      return room;
    }
    sb.ascii("<li><span class=\"focus-step\">")
        .append(name)
        .ascii(" (")
        .append(us.length)
        .ascii(")</span><ul>");
    for (int x : us) {
      if (room-- <= 0) {
        break;
      }
      // The root is "../" repeated, which escaping leaves as it is.
      sb.ascii("<li><a href=\"").append(root).append(parts(x).rowTail());
    }
    sb.ascii("</ul></li>\n");
    return Math.max(room, 0);
  }

  private Parts parts(int x) {
    Parts p = parts[x];
    if (p == null) {
      p = partsOf(index.unit(x));
      parts[x] = p;
    }
    return p;
  }

  private GraphSvg.Edge[] edges(int x) {
    GraphSvg.Edge[] e = edges[x];
    if (e == null) {
      Unit from = index.unit(x);
      int[] deps = index.up(x);
      e = new GraphSvg.Edge[deps.length];
      boolean anyCycle = !cycles.edges().isEmpty();
      for (int k = 0; k < deps.length; k++) {
        Unit to = index.unit(deps[k]);
        e[k] =
            GraphBoxes.edge(
                from,
                to,
                anyCycle && cycles.edges().contains(GraphBoxes.Cycles.key(from.id(), to.id())));
      }
      edges[x] = e;
    }
    return e;
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
    return new Parts(
        box.linkedTo("../../../" + focusUrl),
        box.linkedTo("../../../../" + focusUrl),
        sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
