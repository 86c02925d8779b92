package dev.planbake.render;

import dev.planbake.model.Diagram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Draws a laid-out {@link Diagram} as inline SVG. Colours come from the theme's CSS (status classes
 * and {@code currentColor}), so the light and dark themes both apply; every node also carries its
 * status icon, and dashed or thick strokes mark placeholders and cycles, so colour is never the
 * only signal. Every text is escaped.
 */
final class GraphSvg {
  static final int NODE_HEIGHT = 42;
  private static final int LABEL_CHARS = 34;
  private static final int TITLE_CHARS = 32;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private GraphSvg() {}

  /**
   * A box to draw: two lines of text (the first after an icon), a link, a tooltip and the classes
   * that style it. Its text is shortened and escaped once, when the box is made: a unit's box is
   * drawn on every plan page around it.
   */
  record Node(String key, String css, String url, int width, boolean twoLines, Markup markup) {

    /** A box from its plain text. */
    static Node of(
        String key, String icon, String label, String title, String url, String tip, String css) {
      String line1 = shorten(label, LABEL_CHARS);
      String line2 = shorten(title, TITLE_CHARS);
      return new Node(
          key,
          css,
          url,
          width(line1, line2),
          !line2.isEmpty(),
          new Markup(
              "<title>" + Escape.xml(tip) + "</title>",
              "<tspan class=\"gicon\">" + Escape.xml(icon) + "</tspan> " + Escape.xml(line1),
              Escape.xml(line2)));
    }

    /** The same box without its link (the page it stands for is the one showing it). */
    Node unlinked() {
      return new Node(key, css, "", width, twoLines, markup);
    }

    Diagram.Size size() {
      return new Diagram.Size(key, width, NODE_HEIGHT);
    }

    private static int width(String label, String title) {
      // No font metrics at build time: an average glyph width is close enough for boxes.
      int line1 = (int) Math.ceil(label.length() * 8.2) + 22;
      int line2 = (int) Math.ceil(title.length() * 7.0);
      return Math.max(80, Math.max(line1, line2) + 18);
    }
  }

  /** A box's text as SVG markup, escaped: its tooltip element, its first line, its second. */
  record Markup(String tip, String line1, String line2) {}

  /** An arrow to draw from one node's key to another's, with its classes and a tooltip. */
  record Edge(String from, String to, String css, String tip) {
    Diagram.Link link() {
      return new Diagram.Link(from, to);
    }
  }

  static Diagram.Sketch sketch(List<Node> nodes, List<Edge> edges) {
    List<Diagram.Size> sizes = new ArrayList<>(nodes.size());
    nodes.forEach(n -> sizes.add(n.size()));
    List<Diagram.Link> links = new ArrayList<>(edges.size());
    edges.forEach(e -> links.add(e.link()));
    return new Diagram.Sketch(sizes, links);
  }

  /**
   * The SVG of a diagram. {@code nodes} and {@code edges} give what the diagram's boxes and arrows
   * stand for, by key and in the diagram's order; {@code css} is the svg's own class.
   */
  static String svg(Diagram d, List<Node> nodes, List<Edge> edges, String css, String ariaLabel) {
    Map<String, Node> byKey = new HashMap<>();
    nodes.forEach(n -> byKey.put(n.key(), n));
    Map<String, Edge> edgeByLink = new HashMap<>();
    edges.forEach(e -> edgeByLink.putIfAbsent(e.from() + "\u0000" + e.to(), e));
    StringBuilder sb = new StringBuilder(256 + 300 * nodes.size());
    sb.append("<svg class=\"")
        .append(css)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(d.width())
        .append(' ')
        .append(d.height())
        .append("\" width=\"")
        .append(d.width())
        .append("\" height=\"")
        .append(d.height())
        .append("\" role=\"group\" aria-label=\"")
        .append(Escape.xml(ariaLabel))
        .append("\">\n");
    // Arrows first, so that boxes sit on top of them.
    for (Diagram.Arrow a : d.arrows()) {
      Edge e = edgeByLink.get(a.from() + "\u0000" + a.to());
      if (e == null || a.points().size() < 2) {
        continue;
      }
      sb.append("<g class=\"gedge").append(e.css().isEmpty() ? "" : " " + e.css()).append("\">");
      if (!e.tip().isEmpty()) {
        sb.append("<title>").append(Escape.xml(e.tip())).append("</title>");
      }
      sb.append("<path d=\"");
      appendPath(sb, a.points());
      sb.append("\"/>");
      appendHead(sb, a.points());
      sb.append("</g>\n");
    }
    for (Diagram.Box b : d.boxes()) {
      Node n = byKey.get(b.key());
      if (n == null) {
        continue;
      }
      boolean link = !n.url().isEmpty();
      if (link) {
        sb.append("<a href=\"").append(Escape.xml(n.url())).append("\" class=\"gnode");
      } else {
        sb.append("<g class=\"gnode");
      }
      if (!n.css().isEmpty()) {
        sb.append(' ').append(n.css());
      }
      sb.append("\">").append(n.markup().tip());
      sb.append("<rect x=\"")
          .append(b.x())
          .append("\" y=\"")
          .append(b.y())
          .append("\" width=\"")
          .append(b.width())
          .append("\" height=\"")
          .append(b.height())
          .append("\" rx=\"6\"/>");
      int tx = b.x() + 9;
      boolean two = n.twoLines();
      int y1 = b.y() + (two ? 17 : b.height() / 2 + 5);
      sb.append("<text class=\"glabel\" x=\"")
          .append(tx)
          .append("\" y=\"")
          .append(y1)
          .append("\">")
          .append(n.markup().line1())
          .append("</text>");
      if (two) {
        sb.append("<text class=\"gtitle\" x=\"")
            .append(tx)
            .append("\" y=\"")
            .append(b.y() + 34)
            .append("\">")
            .append(n.markup().line2())
            .append("</text>");
      }
      sb.append(link ? "</a>\n" : "</g>\n");
    }
    sb.append("</svg>");
    return sb.toString();
  }

  private static void appendPath(StringBuilder sb, List<Diagram.Point> points) {
    for (int i = 0; i < points.size(); i++) {
      Diagram.Point p = points.get(i);
      sb.append(i == 0 ? "M" : " L").append(p.x()).append(' ').append(p.y());
    }
  }

  /** A small filled triangle at the end of the arrow, pointing along its last segment. */
  private static void appendHead(StringBuilder sb, List<Diagram.Point> points) {
    Diagram.Point end = points.get(points.size() - 1);
    Diagram.Point before = points.get(points.size() - 2);
    double dx = end.x() - before.x();
    double dy = end.y() - before.y();
    double len = Math.hypot(dx, dy);
    if (len == 0) {
      return;
    }
    dx /= len;
    dy /= len;
    double bx = end.x() - dx * 8;
    double by = end.y() - dy * 8;
    sb.append("<path class=\"ghead\" d=\"M")
        .append(num(end.x()))
        .append(' ')
        .append(num(end.y()))
        .append(" L")
        .append(num(bx - dy * 4))
        .append(' ')
        .append(num(by + dx * 4))
        .append(" L")
        .append(num(bx + dy * 4))
        .append(' ')
        .append(num(by - dx * 4))
        .append(" Z\"/>");
  }

  /** A coordinate with at most one decimal, and none when it is whole. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0) + "";
  }

  static String shorten(String s, int max) {
    String t = s.strip();
    if (!singleSpaced(t)) {
      t = WHITESPACE.matcher(t).replaceAll(" ");
    }
    return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "…";
  }

  /**
   * Whether no whitespace but single spaces is in {@code s}, so that {@link #WHITESPACE} would not
   * change it.
   */
  private static boolean singleSpaced(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' && (c != ' ' || (i + 1 < s.length() && s.charAt(i + 1) <= ' '))) {
        return false;
      }
    }
    return true;
  }
}
