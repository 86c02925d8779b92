package dev.planbake.render;

import dev.planbake.model.Progress;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overview of a graph too large to draw whole: one card per group, laid out by hand in three
 * columns that fit a 1366 px screen at full size. Groups with the most open work come first; a card
 * shows its group's progress, and its open units (in progress, in review, ready, blocked, draft)
 * one per line with their own status and progress, each linking to its focus view; done and
 * cancelled units are counted in the group's progress, not drawn.
 */
final class GraphCards {
  static final int COLUMNS = 3;
  static final int CARD_WIDTH = 360;

  /** The most open units a card lists; the rest are a link to the group's page. */
  static final int OPEN_LIMIT = 6;

  private static final int GAP = 16;
  private static final int PAD = 8;
  private static final int HEAD = 62;
  private static final int ROW = 34;
  private static final int FOOT = 30;

  /** The order of a board, open work first. */
  private static final List<String> ORDER =
      List.of("in-progress", "review", "ready", "blocked", "draft", "placeholder");

  private GraphCards() {}

  /** The SVG of the cards, and its width. */
  record Drawing(String svg, int width) {}

  static Drawing draw(List<GraphGroups.Group> groups, String root, NodeOf node, String label) {
    List<Card> cards = new ArrayList<>();
    for (GraphGroups.Group g : groups) {
      cards.add(card(g));
    }
    cards.sort(
        Comparator.comparingInt((Card c) -> -c.open().size()).thenComparing(c -> c.group().name()));
    int width = PAD * 2 + COLUMNS * CARD_WIDTH + (COLUMNS - 1) * GAP;
    Utf8Text body = new Utf8Text();
    int y = PAD;
    for (int from = 0; from < cards.size(); from += COLUMNS) {
      List<Card> row = cards.subList(from, Math.min(cards.size(), from + COLUMNS));
      int h = 0;
      for (Card c : row) {
        h = Math.max(h, c.height());
      }
      for (int i = 0; i < row.size(); i++) {
        appendCard(body, row.get(i), PAD + i * (CARD_WIDTH + GAP), y, h, root, node);
      }
      y += h + GAP;
    }
    int height = y - GAP + PAD;
    byte[] boxes = body.bytes();
    Utf8Text sb = new Utf8Text();
    GraphSvg.open(sb, "graph graph-cards", width, height, label);
    sb.append(boxes).ascii("</svg>");
    return new Drawing(sb.html().toString(), width);
  }

  /** The box of one open unit, {@code width} wide, linking to its focus view. */
  interface NodeOf {
    GraphSvg.Node of(Unit u);
  }

  private record Card(GraphGroups.Group group, List<Unit> open, Progress progress, int closed) {
    int height() {
      int rows = Math.min(open.size(), OPEN_LIMIT);
      return HEAD + rows * ROW + FOOT;
    }
  }

  private static Card card(GraphGroups.Group g) {
    List<Unit> open = new ArrayList<>();
    Progress p = Progress.EMPTY;
    int closed = 0;
    for (Unit u : g.units()) {
      p = p.plus(u.progress());
      String slug = GraphBoxes.look(u).slug();
      if (slug.equals("done") || slug.equals("cancelled")) {
        closed++;
      } else {
        open.add(u);
      }
    }
    open.sort(
        Comparator.comparingInt((Unit u) -> rank(GraphBoxes.look(u).slug()))
            .thenComparing(Unit::id));
    return new Card(g, open, p, closed);
  }

  private static int rank(String slug) {
    int i = ORDER.indexOf(slug);
    return i < 0 ? ORDER.size() : i;
  }

  private static void appendCard(
      Utf8Text sb, Card c, int x, int y, int h, String root, NodeOf node) {
    GraphGroups.Group g = c.group();
    String url = root + "graph/" + g.slug() + "/";
    View.Status s =
        c.open().isEmpty()
            ? Views.status(Status.DONE)
            : Views.status(Status.derivedFrom(c.progress()));
    String summary =
        GraphBoxes.count(g.units().size(), "unit")
            + " · "
            + c.open().size()
            + " open · "
            + c.closed()
            + " done · "
            + c.progress().percent()
            + "% of tasks";
    sb.ascii("<g class=\"gcard status-").append(s.slug()).ascii("\">");
    sb.ascii("<rect x=\"")
        .append(x)
        .ascii("\" y=\"")
        .append(y)
        .ascii("\" width=\"")
        .append(CARD_WIDTH)
        .ascii("\" height=\"")
        .append(h)
        .ascii("\" rx=\"8\"/>");
    sb.ascii("<a href=\"").append(Escape.xml(url)).ascii("\" class=\"gcard-link\">");
    sb.ascii("<title>")
        .append(Escape.xml(g.name() + ": " + summary + "; open the group's drawing"))
        .ascii("</title>");
    sb.ascii("<text class=\"gcard-name\" x=\"")
        .append(x + 12)
        .ascii("\" y=\"")
        .append(y + 22)
        .ascii("\"><tspan class=\"gicon\">")
        .append(s.icon())
        .ascii("</tspan> ")
        .append(Escape.xml(GraphSvg.shorten(g.name(), 34)))
        .ascii("</text></a>");
    sb.ascii("<text class=\"gcard-sum\" x=\"")
        .append(x + 12)
        .ascii("\" y=\"")
        .append(y + 41)
        .ascii("\">")
        .append(Escape.xml(summary))
        .ascii("</text>");
    int barW = CARD_WIDTH - 24;
    sb.ascii("<rect class=\"gbar\" x=\"")
        .append(x + 12)
        .ascii("\" y=\"")
        .append(y + 49)
        .ascii("\" width=\"")
        .append(barW)
        .ascii("\" height=\"5\" rx=\"2\"/>");
    int done = (int) Math.round(barW * c.progress().percent() / 100.0);
    if (done > 0) {
      sb.ascii("<rect class=\"gbar-done\" x=\"")
          .append(x + 12)
          .ascii("\" y=\"")
          .append(y + 49)
          .ascii("\" width=\"")
          .append(done)
          .ascii("\" height=\"5\" rx=\"2\"/>");
    }
    sb.ascii("</g>\n");
    int ry = y + HEAD;
    int shown = Math.min(c.open().size(), OPEN_LIMIT);
    for (int i = 0; i < shown; i++) {
      GraphSvg.Node n = node.of(c.open().get(i));
      GraphSvg.appendRow(sb, n, x + 8, ry, CARD_WIDTH - 16, ROW - 4);
      ry += ROW;
    }
    int rest = c.open().size() - shown;
    String more =
        rest > 0
            ? "and " + rest + " more open →"
            : c.open().isEmpty() ? "all done: open the group →" : "open the group →";
    sb.ascii("<a href=\"")
        .append(Escape.xml(url))
        .ascii("\" class=\"gcard-more\"><text x=\"")
        .append(x + 12)
        .ascii("\" y=\"")
        .append(ry + 16)
        .ascii("\">")
        .append(Escape.xml(more))
        .ascii("</text></a>\n");
  }
}
