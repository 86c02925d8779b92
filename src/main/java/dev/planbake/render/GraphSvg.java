package dev.planbake.render;

import dev.planbake.model.Diagram;
import java.nio.charset.StandardCharsets;
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
  /**
   * Every box has room for a label of two lines, a title line and a progress bar: one height keeps
   * the hand-made layouts (neighbourhood, focus) in rows.
   */
  static final int NODE_HEIGHT = 62;

  /** Font sizes of a box's two lines, in px; the stylesheet uses the same (.glabel, .gtitle). */
  static final double LABEL_PX = 14;

  static final double TITLE_PX = 13;

  /** A label wraps at this many characters onto a second line, then is shortened. */
  private static final int LABEL_LINE = 22;

  private static final int TITLE_CHARS = 28;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private GraphSvg() {}

  /**
   * A box to draw: two lines of text (the first after an icon), a link, a tooltip and the classes
   * that style it. Its text is shortened and escaped once, when the box is made: a unit's box is
   * drawn on every plan page around it.
   */
  record Node(
      String key,
      String css,
      String url,
      int width,
      boolean twoLines,
      int percent,
      String icon,
      String text,
      Markup markup,
      byte[] href) {

    Node(
        String key,
        String css,
        String url,
        int width,
        boolean twoLines,
        int percent,
        String icon,
        String text,
        Markup markup) {
      this(key, css, url, width, twoLines, percent, icon, text, markup, encoded(Escape.xml(url)));
    }

    /** A box from its plain text, without a progress bar. */
    static Node of(
        String key, String icon, String label, String title, String url, String tip, String css) {
      return of(key, icon, label, title, url, tip, css, -1);
    }

    /** A box from its plain text; {@code percent} of its tasks are done (-1: no tasks, no bar). */
    static Node of(
        String key,
        String icon,
        String label,
        String title,
        String url,
        String tip,
        String css,
        int percent) {
      String[] lines = wrap(label, LABEL_LINE);
      String line2 = shorten(title, TITLE_CHARS);
      return new Node(
          key,
          css,
          url,
          width(lines[0], lines[1], line2),
          !line2.isEmpty(),
          percent,
          icon,
          label,
          new Markup(
              encoded("<title>" + Escape.xml(tip) + "</title>"),
              encoded(
                  "<tspan class=\"gicon\">"
                      + Escape.xml(icon)
                      + "</tspan> "
                      + Escape.xml(lines[0])),
              encoded(Escape.xml(lines[1])),
              encoded(Escape.xml(line2))));
    }

    /** The same box without its link (the page it stands for is the one showing it). */
    Node unlinked() {
      return new Node(key, css, "", width, twoLines, percent, icon, text, markup, new byte[0]);
    }

    /** The same box with other text for {@link #appendRow} (where it is written on one line). */
    Node withText(String oneLine) {
      return new Node(key, css, url, width, twoLines, percent, icon, oneLine, markup, href);
    }

    /** The same box linking elsewhere. */
    Node linkedTo(String to) {
      return new Node(key, css, to, width, twoLines, percent, icon, text, markup);
    }

    Diagram.Size size() {
      return new Diagram.Size(key, width, NODE_HEIGHT);
    }

    private static int width(String label, String more, String title) {
      // The icon and its space come before the first line.
      double line1 = TextWidth.of(label, LABEL_PX, true) + 1.6 * LABEL_PX;
      double line1b = TextWidth.of(more, LABEL_PX, true);
      double line2 = TextWidth.of(title, TITLE_PX, false);
      return Math.max(80, (int) Math.ceil(Math.max(Math.max(line1, line1b), line2)) + 20);
    }
  }

  /**
   * A box's text as SVG markup, escaped and encoded as UTF-8 once: its tooltip element, its label's
   * first line (with the icon) and second line (empty if it fits one), and the title line below.
   */
  record Markup(byte[] tip, byte[] line1, byte[] line1b, byte[] line2) {}

  private static byte[] encoded(String markup) {
    return markup.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * An arrow to draw from one node's key to another's, with its classes and a tooltip; {@code
   * start} is its markup up to its path's points, encoded once (a unit's arrows are drawn in every
   * focus view around it).
   */
  record Edge(String from, String to, String css, String tip, byte[] start) {
    Edge(String from, String to, String css, String tip) {
      this(
          from,
          to,
          css,
          tip,
          encoded(
              "<g class=\"gedge"
                  + (css.isEmpty() ? "" : " " + css)
                  + "\">"
                  + (tip.isEmpty() ? "" : "<title>" + Escape.xml(tip) + "</title>")
                  + "<path d=\""));
    }

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
  static void svg(
      Utf8Text sb, Diagram d, List<Node> nodes, List<Edge> edges, String css, String ariaLabel) {
    Map<String, Node> byKey = new HashMap<>();
    nodes.forEach(n -> byKey.put(n.key(), n));
    Map<String, Edge> edgeByLink = new HashMap<>();
    edges.forEach(e -> edgeByLink.putIfAbsent(e.from() + "\u0000" + e.to(), e));
    open(sb, css, d.width(), d.height(), ariaLabel);
    // Arrows first, so that boxes sit on top of them.
    for (Diagram.Arrow a : d.arrows()) {
      Edge e = edgeByLink.get(a.from() + "\u0000" + a.to());
      if (e == null || a.points().size() < 2) {
        continue;
      }
      appendEdgeStart(sb, e);
      appendPath(sb, a.points());
      appendEdgeEnd(sb, a.points());
    }
    for (Diagram.Box b : d.boxes()) {
      Node n = byKey.get(b.key());
      if (n != null) {
        appendBox(sb, n, b.x(), b.y(), b.width(), b.height());
      }
    }
    sb.ascii("</svg>");
  }

  /** The opening tag of a drawing {@code width} by {@code height}; {@code css} is its class. */
  static void open(Utf8Text sb, String css, int width, int height, String ariaLabel) {
    sb.ascii("<svg class=\"")
        .ascii(css)
        .ascii("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .ascii("\" width=\"")
        .append(width)
        .ascii("\" height=\"")
        .append(height)
        .ascii("\" role=\"group\" aria-label=\"")
        .append(Escape.xml(ariaLabel))
        .ascii("\">\n");
  }

  /**
   * An arrow of three segments (right, up or down, right), as the hand-made layouts draw them
   * between neighbouring columns: from {@code (sx, sy)} to {@code (ex, ey)}, turning at {@code mx}
   * (where {@code mx < ex}).
   */
  static void appendElbow(Utf8Text sb, Edge e, int sx, int sy, int mx, int ex, int ey) {
    appendEdgeStart(sb, e);
    sb.append('M').append(sx).append(' ').append(sy);
    sb.ascii(" L").append(mx).append(' ').append(sy);
    sb.ascii(" L").append(mx).append(' ').append(ey);
    sb.ascii(" L").append(ex).append(' ').append(ey).ascii("\"/>");
    // The head of an arrow pointing right, in whole pixels: what appendHead gives it.
    sb.ascii("<path class=\"ghead\" d=\"M")
        .append(ex)
        .append(' ')
        .append(ey)
        .ascii(" L")
        .append(ex - 8)
        .append(' ')
        .append(ey + 4)
        .ascii(" L")
        .append(ex - 8)
        .append(' ')
        .append(ey - 4)
        .ascii(" Z\"/>");
    sb.ascii("</g>\n");
  }

  private static void appendEdgeStart(Utf8Text sb, Edge e) {
    sb.append(e.start());
  }

  private static void appendEdgeEnd(Utf8Text sb, List<Diagram.Point> points) {
    sb.ascii("\"/>");
    Diagram.Point end = points.get(points.size() - 1);
    Diagram.Point before = points.get(points.size() - 2);
    appendHead(sb, before.x(), before.y(), end.x(), end.y());
    sb.ascii("</g>\n");
  }

  /** A box of the diagram at {@code (x, y)}, {@code w} by {@code h}. */
  static void appendBox(Utf8Text sb, Node n, int x, int y, int w, int h) {
    boolean link = openBox(sb, n, "gnode", x, y, w, h, 6);
    int tx = x + 9;
    int labelLines = n.markup().line1b().length == 0 ? 1 : 2;
    // The text block is centred above the progress bar's strip.
    int block = 18 * labelLines + (n.twoLines() ? 17 : 0);
    int top = y + (h - 6 - block) / 2;
    appendText(sb, "glabel", tx, top + 14, n.markup().line1());
    if (labelLines == 2) {
      appendText(sb, "glabel", tx, top + 32, n.markup().line1b());
    }
    if (n.twoLines()) {
      appendText(sb, "gtitle", tx, top + 18 * labelLines + 14, n.markup().line2());
    }
    if (n.percent() >= 0) {
      appendBar(sb, x, y, w, h, n.percent());
    }
    sb.ascii(link ? "</a>\n" : "</g>\n");
  }

  /**
   * A box's link (or group), tooltip and rectangle, classed {@code css} and its own classes;
   * returns whether it is a link, which the box's end closes.
   */
  private static boolean openBox(
      Utf8Text sb, Node n, String css, int x, int y, int w, int h, int rx) {
    boolean link = !n.url().isEmpty();
    if (link) {
      sb.ascii("<a href=\"").append(n.href()).ascii("\" class=\"").ascii(css);
    } else {
      sb.ascii("<g class=\"").ascii(css);
    }
    if (!n.css().isEmpty()) {
      sb.append(' ').ascii(n.css());
    }
    sb.ascii("\">").append(n.markup().tip());
    sb.ascii("<rect x=\"")
        .append(x)
        .ascii("\" y=\"")
        .append(y)
        .ascii("\" width=\"")
        .append(w)
        .ascii("\" height=\"")
        .append(h)
        .ascii("\" rx=\"")
        .append(rx)
        .ascii("\"/>");
    return link;
  }

  /**
   * A box as one line {@code w} wide: its icon and label, shortened to fit (the full text is in its
   * tooltip), and a small progress bar at its right end.
   */
  static void appendRow(Utf8Text sb, Node n, int x, int y, int w, int h) {
    boolean link = openBox(sb, n, "gnode grow", x, y, w, h, 5);
    int room = w - 16 - (n.percent() >= 0 ? 62 : 0) - (int) Math.ceil(1.6 * TITLE_PX);
    String text = n.text();
    for (int max = text.length(); TextWidth.of(text, TITLE_PX, false) > room && max > 4; max--) {
      text = shorten(n.text(), max);
    }
    appendText(
        sb,
        "grow-label",
        x + 8,
        y + h / 2 + 5,
        encoded("<tspan class=\"gicon\">" + Escape.xml(n.icon()) + "</tspan> " + Escape.xml(text)));
    if (n.percent() >= 0) {
      appendBar(sb, x + w - 64, y + h / 2 - 1, 58, 9, n.percent());
    }
    sb.ascii(link ? "</a>\n" : "</g>\n");
  }

  private static void appendText(Utf8Text sb, String css, int x, int y, byte[] markup) {
    sb.ascii("<text class=\"")
        .ascii(css)
        .ascii("\" x=\"")
        .append(x)
        .ascii("\" y=\"")
        .append(y)
        .ascii("\">")
        .append(markup)
        .ascii("</text>");
  }

  /** A thin progress bar along the bottom of a box: its track, and the part done. */
  private static void appendBar(Utf8Text sb, int bx, int by, int bw, int bh, int percent) {
    int x = bx + 6;
    int y = by + bh - 7;
    int w = bw - 12;
    sb.ascii("<rect class=\"gbar\" x=\"")
        .append(x)
        .ascii("\" y=\"")
        .append(y)
        .ascii("\" width=\"")
        .append(w)
        .ascii("\" height=\"3\"/>");
    int done = (int) Math.round(w * Math.min(100, percent) / 100.0);
    if (done > 0) {
      sb.ascii("<rect class=\"gbar-done\" x=\"")
          .append(x)
          .ascii("\" y=\"")
          .append(y)
          .ascii("\" width=\"")
          .append(done)
          .ascii("\" height=\"3\"/>");
    }
  }

  private static void appendPath(Utf8Text sb, List<Diagram.Point> points) {
    for (int i = 0; i < points.size(); i++) {
      Diagram.Point p = points.get(i);
      sb.ascii(i == 0 ? "M" : " L").append(p.x()).append(' ').append(p.y());
    }
  }

  /** A small filled triangle at the end of the arrow, pointing along its last segment. */
  private static void appendHead(Utf8Text sb, int fromX, int fromY, int toX, int toY) {
    double dx = toX - fromX;
    double dy = toY - fromY;
    double len = Math.hypot(dx, dy);
    if (len == 0) {
      return;
    }
    dx /= len;
    dy /= len;
    double bx = toX - dx * 8;
    double by = toY - dy * 8;
    sb.ascii("<path class=\"ghead\" d=\"M")
        .ascii(num(toX))
        .append(' ')
        .ascii(num(toY))
        .ascii(" L")
        .ascii(num(bx - dy * 4))
        .append(' ')
        .ascii(num(by + dx * 4))
        .ascii(" L")
        .ascii(num(bx + dy * 4))
        .append(' ')
        .ascii(num(by - dx * 4))
        .ascii(" Z\"/>");
  }

  /** A coordinate with at most one decimal, and none when it is whole. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0) + "";
  }

  /**
   * A label on at most two lines of about {@code max} characters, broken between words (a word
   * longer than a line is broken where it must be); what does not fit ends in "…". The second line
   * is "" when one is enough.
   */
  static String[] wrap(String s, int max) {
    String t = shorten(s, 4 * max);
    if (t.length() <= max) {
      return new String[] {t, ""};
    }
    // Between words where one ends on the line; else after a dash or slash (a slug); a word is
    // broken inside only when it is longer than a line.
    int cut = t.lastIndexOf(' ', max);
    if (cut <= 0) {
      int dash = Math.max(t.lastIndexOf('-', max - 1), t.lastIndexOf('/', max - 1));
      cut = dash > 0 ? dash + 1 : max;
    }
    String first = t.substring(0, cut).stripTrailing();
    String rest = t.substring(cut).strip();
    return new String[] {first, shorten(rest, max + 2)};
  }

  static String shorten(String s, int max) {
    String t = s.strip();
    if (!singleSpaced(t)) {
      t = WHITESPACE.matcher(t).replaceAll(" ");
    }
    if (t.length() <= max) {
      return t;
    }
    // At the end of a word when one ends late enough ("Tenant and Organisation…", not "…Acc…").
    int cut = t.lastIndexOf(' ', max - 1);
    return (cut >= max * 2 / 3 ? t.substring(0, cut) : t.substring(0, max - 1)).stripTrailing()
        + "…";
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
