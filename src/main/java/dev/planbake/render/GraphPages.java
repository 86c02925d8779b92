package dev.planbake.render;

import dev.planbake.graph.Layout;
import dev.planbake.model.Cycle;
import dev.planbake.model.Diagram;
import dev.planbake.model.Edge;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The pages under {@code /graph/}: the whole dependency graph, or for large repositories an
 * overview of groups and one page per group (see {@link GraphGroups}). Layouts come from ELK
 * through {@link Layout}, which remembers them between rebuilds.
 */
final class GraphPages {
  /** The most outside units a group page draws one by one; beyond it, one box per other group. */
  static final int OUTSIDE_LIMIT = 40;

  /**
   * The widest drawing {@code /graph/} shows whole: the 1,160 px column of a 1366 px screen at 85%,
   * the smallest zoom at which a label stays 11 px. A wider graph is shown as its groups.
   */
  static final int FIT_WIDTH = 1365;

  private static final Comparator<GraphGroups.Group> BY_SLUG =
      Comparator.comparing(GraphGroups.Group::slug);

  private final Pages pages;
  private final Theme theme;
  private final Views views;
  private final Repository repo;
  private final Map<UnitId, Unit> units;
  private final GraphGroups groups;
  private final Layout layout;
  private final GraphBoxes.Cycles cycles;
  private final List<Edge> dependencies = new ArrayList<>();
  private final Set<UnitId> changed;
  private final Set<String> regrouped;
  private final Function<String, Page> previous;

  /**
   * @param changed the units that changed since {@code previous} was rendered (null: render every
   *     page)
   * @param regrouped the slugs of the groups whose units came, went or moved since then
   * @param previous the pages of the last rendering, by path
   */
  GraphPages(
      Pages pages,
      Theme theme,
      Views views,
      Repository repo,
      Map<UnitId, Unit> units,
      GraphGroups groups,
      GraphBoxes.Cycles cycles,
      Layout layout,
      Set<UnitId> changed,
      Set<String> regrouped,
      Function<String, Page> previous) {
    this.changed = changed;
    this.regrouped = regrouped;
    this.previous = previous;
    this.pages = pages;
    this.theme = theme;
    this.views = views;
    this.repo = repo;
    this.units = units;
    this.groups = groups;
    this.layout = layout;
    this.cycles = cycles;
    Set<UnitId> shown = new HashSet<>();
    groups.shown().forEach(u -> shown.add(u.id()));
    for (Edge e : repo.edges()) {
      if (e.kind() == Direction.DEPENDS_ON && shown.contains(e.from()) && shown.contains(e.to())) {
        dependencies.add(e);
      }
    }
  }

  /**
   * Every graph page as a job, the largest groups first: laying them out is the longest single
   * piece of a rendering.
   */
  List<Jobs.Job<Page>> jobs() {
    // Each dependency belongs to the group of each of its ends: one pass instead of one per group,
    // which also gives the overview its links between groups.
    List<GraphGroups.Group> all = groups.groups();
    Map<GraphGroups.Group, Integer> number = new IdentityHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      number.put(all.get(i), i);
    }
    Map<GraphGroups.Group, List<Edge>> touching = new IdentityHashMap<>();
    Links links = new Links(all.size());
    for (Edge e : dependencies) {
      GraphGroups.Group down = groups.groupOf(e.from());
      GraphGroups.Group up = groups.groupOf(e.to());
      touching.computeIfAbsent(down, k -> new ArrayList<>()).add(e);
      if (up != down) {
        touching.computeIfAbsent(up, k -> new ArrayList<>()).add(e);
        links.add(number.get(up), number.get(down));
      }
    }
    List<GraphGroups.Group> bySize = new ArrayList<>(all);
    bySize.sort(Comparator.comparingInt((GraphGroups.Group g) -> -g.units().size()));
    List<Jobs.Job<Page>> out = new ArrayList<>();
    out.add(() -> groups.grouped() ? overview(links) : whole(links));
    for (GraphGroups.Group g : bySize) {
      out.add(() -> group(g, touching.getOrDefault(g, List.of())));
    }
    return out;
  }

  /** The whole graph on one page, or the overview of groups when it is too wide to read at fit. */
  private Page whole(Links links) {
    String root = "../";
    List<GraphSvg.Node> nodes = new ArrayList<>();
    List<View.GraphRow> rows = new ArrayList<>();
    for (Unit u : groups.shown()) {
      nodes.add(node(u, root, ""));
      rows.add(row(u, root));
    }
    List<GraphSvg.Edge> edges = new ArrayList<>();
    dependencies.forEach(e -> edges.add(edge(e)));
    String intro =
        GraphBoxes.count(nodes.size(), "unit")
            + " and "
            + GraphBoxes.count(edges.size(), "dependency", "dependencies")
            + ". Arrows point from a unit to the units that need it; each box opens what the unit waits on and what waits on it.";
    Drawing svg =
        draw(nodes, edges, "Dependency graph of " + GraphBoxes.count(nodes.size(), "unit"));
    if (svg.width() > FIT_WIDTH) {
      return overview(links);
    }
    return page(
        "graph/index.html",
        root,
        "Dependency graph",
        intro,
        svg,
        List.of(),
        rows,
        "",
        cycleCount(null));
  }

  /**
   * @param touching the dependencies with one end or both in the group, in the order of {@link
   *     #dependencies}
   */
  private Page group(GraphGroups.Group g, List<Edge> touching) {
    String root = "../../";
    Set<UnitId> inside = new HashSet<>();
    g.units().forEach(u -> inside.add(u.id()));
    List<Edge> crossing = new ArrayList<>();
    List<GraphSvg.Edge> edges = new ArrayList<>();
    Set<UnitId> outside = new TreeSet<>();
    for (Edge e : touching) {
      boolean from = inside.contains(e.from());
      boolean to = inside.contains(e.to());
      if (from && to) {
        edges.add(edge(e));
      } else if (from || to) {
        crossing.add(e);
        outside.add(from ? e.to() : e.from());
      }
    }
    String path = "graph/" + g.slug() + "/index.html";
    // Everything this page draws comes from its units and their neighbours (a changed edge or
    // cycle changes the units at its ends; a regrouping renders every page).
    Page was = changed == null || regrouped.contains(g.slug()) ? null : previous.apply(path);
    if (was != null
        && Collections.disjoint(changed, inside)
        && Collections.disjoint(changed, outside)) {
      return was;
    }
    List<GraphSvg.Node> nodes = new ArrayList<>();
    List<View.GraphRow> rows = new ArrayList<>();
    for (Unit u : g.units()) {
      nodes.add(node(u, root, ""));
      rows.add(row(u, root));
    }
    String around;
    if (outside.size() <= OUTSIDE_LIMIT) {
      for (UnitId id : outside) {
        nodes.add(node(units.get(id), root, " goutside"));
      }
      crossing.forEach(e -> edges.add(edge(e)));
      around =
          outside.isEmpty()
              ? ""
              : ", with the "
                  + GraphBoxes.count(outside.size(), "unit")
                  + " outside it they are linked to";
    } else {
      // Too many neighbours to draw one by one: each other group they belong to is one box.
      Map<GraphGroups.Group, Set<UnitId>> byGroup = new TreeMap<>(BY_SLUG);
      Set<String> seen = new HashSet<>();
      for (Edge e : crossing) {
        boolean down = inside.contains(e.from());
        UnitId other = down ? e.to() : e.from();
        GraphGroups.Group og = groups.groupOf(other);
        byGroup.computeIfAbsent(og, k -> new TreeSet<>()).add(other);
        String box = "g:" + og.slug();
        String unit = (down ? e.from() : e.to()).toString();
        String from = down ? box : unit;
        String to = down ? unit : box;
        if (seen.add(from + "\u0000" + to)) {
          Unit u = units.get(down ? e.from() : e.to());
          String tip =
              down
                  ? u.label() + " depends on units of " + og.name()
                  : "units of " + og.name() + " depend on " + u.label();
          edges.add(new GraphSvg.Edge(from, to, "", tip));
        }
      }
      byGroup.forEach(
          (og, ids) ->
              nodes.add(
                  GraphSvg.Node.of(
                      "g:" + og.slug(),
                      "▣",
                      og.name(),
                      GraphBoxes.count(ids.size(), "linked unit"),
                      root + "graph/" + og.slug() + "/",
                      GraphBoxes.count(ids.size(), "unit")
                          + " of "
                          + og.name()
                          + " linked to this group; open that group",
                      "ggroup goutside")));
      around =
          ", linked to "
              + GraphBoxes.count(outside.size(), "unit")
              + " in "
              + GraphBoxes.count(byGroup.size(), "other group")
              + " (one box per group)";
    }
    String intro =
        GraphBoxes.count(g.units().size(), "unit")
            + " of "
            + g.name()
            + around
            + ". Arrows point from a unit to the units that need it; each box opens what the unit waits on and what waits on it.";
    Drawing svg = draw(nodes, edges, "Dependency graph of " + g.name());
    return page(
        path, root, g.name(), intro, svg, List.of(), rows, root + "graph/", cycleCount(inside));
  }

  /**
   * The dependencies between groups, counted by the groups' places in {@link GraphGroups#groups()}:
   * how many units of group {@code down} need units of group {@code up}.
   */
  private static final class Links {
    final int[] in;
    final int[] out;

    Links(int groups) {
      in = new int[groups];
      out = new int[groups];
    }

    void add(int up, int down) {
      in[up]++;
      out[down]++;
    }
  }

  private Page overview(Links links) {
    String root = "../";
    List<View.GraphGroup> table = new ArrayList<>();
    int total = 0;
    List<GraphGroups.Group> all = groups.groups();
    for (int gi = 0; gi < all.size(); gi++) {
      GraphGroups.Group g = all.get(gi);
      Progress p = Progress.EMPTY;
      for (Unit u : g.units()) {
        p = p.plus(u.progress());
      }
      total += g.units().size();
      table.add(
          new View.GraphGroup(
              g.name(),
              root + "graph/" + g.slug() + "/",
              g.units().size(),
              Views.progress(p),
              links.out[gi],
              links.in[gi]));
    }
    String intro =
        GraphBoxes.count(total, "unit")
            + " are too many to draw readably at once, so they are grouped by the folder that"
            + " holds their plans ("
            + GraphBoxes.count(all.size(), "group")
            + "), the groups with the most open work first. Each card lists its open units;"
            + " done units count in its progress. Open a unit for everything it waits on and"
            + " everything that waits on it, or a group for its drawing.";
    GraphCards.Drawing cards =
        GraphCards.draw(
            all,
            root,
            u -> node(u, root, ""),
            "Dependency graph overview: " + GraphBoxes.count(all.size(), "group"));
    return page(
        "graph/index.html",
        root,
        "Dependency graph",
        intro,
        new Drawing(cards.svg(), cards.width()),
        table,
        List.of(),
        "",
        cycleCount(null));
  }

  // ---- shared

  /** A graph as drawn: its SVG and its natural width in pixels (0 if it could not be drawn). */
  private record Drawing(String svg, int width) {}

  private Drawing draw(List<GraphSvg.Node> nodes, List<GraphSvg.Edge> edges, String label) {
    Diagram d;
    try {
      d = layout.of(GraphSvg.sketch(nodes, edges));
    } catch (RuntimeException e) {
      // A layout bug must not take the site down: the page keeps its list form and says why.
      return new Drawing(
          "<p class=\"notice\">This graph could not be drawn ("
              + Escape.xml(e.toString())
              + "); the list below holds the same dependencies.</p>",
          0);
    }
    Utf8Text svg = new Utf8Text();
    GraphSvg.svg(svg, d, nodes, edges, "graph", label);
    return new Drawing(svg.html().toString(), d.width());
  }

  private Page page(
      String path,
      String root,
      String heading,
      String intro,
      Drawing drawing,
      List<View.GraphGroup> groups,
      List<View.GraphRow> rows,
      String overview,
      int cycles) {
    View.GraphPage view =
        new View.GraphPage(
            heading,
            intro,
            drawing.svg(),
            drawing.width(),
            GraphBoxes.legend(),
            groups,
            rows,
            overview,
            cycles);
    String canonical = path.substring(0, path.length() - "index.html".length());
    String description =
        view.rows().isEmpty()
            ? GraphBoxes.count(view.groups().size(), "group") + " of units and their dependencies"
            : GraphBoxes.count(view.rows().size(), "unit") + " and their dependencies";
    Map<String, Object> ctx =
        pages.context(root, pages.meta(view.heading(), description, canonical));
    ctx.put("graph", view);
    return theme.page(path, "graph", ctx);
  }

  GraphSvg.Node node(Unit u, String root, String extraCss) {
    return GraphBoxes.node(u, root, cycles.units().contains(u.id()), extraCss);
  }

  private GraphSvg.Edge edge(Edge e) {
    return GraphBoxes.edge(
        units.get(e.from()),
        units.get(e.to()),
        cycles.edges().contains(GraphBoxes.Cycles.key(e.from(), e.to())));
  }

  private View.GraphRow row(Unit u, String root) {
    View.UnitRef ref = views.ref(u, root);
    return views
        .rows()
        .drawn(
            "graph-row",
            ref,
            new View.GraphRow(
                ref, views.refs(u.dependsOn(), root), cycles.units().contains(u.id()), ""),
            View.GraphRow::withHtml);
  }

  private int cycleCount(Set<UnitId> within) {
    int n = 0;
    for (Cycle c : repo.cycles()) {
      if (within == null || c.ids().stream().anyMatch(within::contains)) {
        n++;
      }
    }
    return n;
  }
}
