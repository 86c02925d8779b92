package dev.planbake.render;

import dev.planbake.model.Cycle;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How units and dependencies look in every drawing (the graph pages and each plan's neighbourhood):
 * a unit's box with its icon, class and tooltip, the arrow of a dependency, the legend, which units
 * and edges lie on a cycle, and counts written out ("1 unit", "1,060 units").
 */
final class GraphBoxes {
  private GraphBoxes() {}

  /**
   * A unit's box, linking to its focus view: where it stands (ready, blocked ...) gives the class
   * and icon, its tasks the progress bar.
   */
  static GraphSvg.Node node(Unit u, String root, boolean inCycle, String extraCss) {
    View.Status s = look(u);
    String title = u.placeholder() || u.title().equals(u.label()) ? "" : u.title();
    StringBuilder tip = new StringBuilder(u.label());
    if (!title.isEmpty()) {
      tip.append(": ").append(u.title());
    }
    tip.append(" — ").append(s.label());
    if (u.progress().total() > 0) {
      tip.append(", ").append(u.progress().done()).append('/').append(u.progress().total());
      tip.append(" tasks");
    }
    if (inCycle) {
      tip.append(", in a dependency cycle");
    }
    String css =
        "status-"
            + s.slug()
            + (u.placeholder() ? " gplaceholder" : "")
            + (inCycle ? " gcycle" : "")
            + extraCss;
    // A unit named by its plan's slug (004-recurring-invoices) reads better by its title, with the
    // slug below it; "Unit 2.0" stays first, as plans name it.
    boolean titleFirst = !u.id().isNumbered() && !title.isEmpty();
    String first = titleFirst ? title : u.label();
    String second = titleFirst ? u.label() : title;
    // A cycle is marked in the text too, not only by the red outline.
    String label = inCycle ? first + " ↻" : first;
    GraphSvg.Node n =
        GraphSvg.Node.of(
            u.id().toString(),
            s.icon(),
            label,
            second,
            root + Urls.focus(u),
            tip.toString(),
            css,
            u.progress().total() > 0 ? u.progress().percent() : -1);
    // On one line (an overview card) a bare "Unit 2.0" says little: its title follows.
    return titleFirst || title.isEmpty() ? n : n.withText(label + " " + title);
  }

  static View.Status look(Unit u) {
    return Views.look(u);
  }

  /**
   * The arrow of "{@code from} depends on {@code to}", drawn from the dependency to the unit that
   * needs it, so that work flows left to right; dashed when one end is not planned yet.
   */
  static GraphSvg.Edge edge(Unit from, Unit to, boolean cycle) {
    boolean enables = from.placeholder() || to.placeholder();
    String css = (enables ? "gedge-enables" : "") + (cycle ? (enables ? " " : "") + "gcycle" : "");
    String tip =
        enables
            ? to.label() + " enables " + from.label() + " (not yet planned)"
            : from.label() + " depends on " + to.label();
    return new GraphSvg.Edge(to.id().toString(), from.id().toString(), css, tip);
  }

  static List<View.Status> legend() {
    List<View.Status> out = new ArrayList<>();
    for (Standing s : Standing.values()) {
      if (s != Standing.NONE) {
        out.add(Views.standing(s));
      }
    }
    out.add(Views.NOT_YET_PLANNED);
    return out;
  }

  /** The units and edges (as {@link #key}) that lie on a dependency cycle. */
  record Cycles(Set<UnitId> units, Set<String> edges) {
    static Cycles of(Repository repo) {
      Set<UnitId> us = new HashSet<>();
      Set<String> es = new HashSet<>();
      for (Cycle c : repo.cycles()) {
        us.addAll(c.ids());
        c.edges().forEach(e -> es.add(key(e.from(), e.to())));
      }
      return new Cycles(us, es);
    }

    /** An edge of the model: {@code from} depends on {@code to}. */
    static String key(UnitId from, UnitId to) {
      return from + "\u0000" + to;
    }
  }

  static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  static String count(int n, String one, String many) {
    // As "%,d %s" formats it, without a Formatter: this runs for every box of every graph.
    String digits = Integer.toString(Math.abs(n));
    StringBuilder sb = new StringBuilder(digits.length() + many.length() + 6);
    if (n < 0) {
      sb.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.append(' ').append(n == 1 ? one : many).toString();
  }
}
