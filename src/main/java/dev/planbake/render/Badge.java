package dev.planbake.render;

import dev.planbake.model.Progress;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import java.util.List;
import java.util.Locale;

/**
 * A small progress badge to embed in READMEs and pull requests: the unit on the left, its
 * percentage on the right, coloured by status (the text carries the meaning too).
 */
final class Badge {
  private static final int HEIGHT = 20;
  private static final int PAD = 6;

  private Badge() {}

  /**
   * What a plan's badge shows: its unit's standing, or for several units the furthest along of them
   * that is not finished (all finished: done).
   */
  static Standing standing(List<Unit> units) {
    if (units.size() == 1) {
      return units.get(0).standing();
    }
    Standing best = Standing.NONE;
    boolean open = false;
    boolean done = false;
    for (Unit u : units) {
      Standing s = u.standing();
      open |= s.open();
      done |= s == Standing.DONE;
      if (s.open() && (best == Standing.NONE || s.ordinal() < best.ordinal())) {
        best = s;
      }
    }
    return open
        ? best
        : done ? Standing.DONE : units.isEmpty() ? Standing.NONE : Standing.CANCELLED;
  }

  static String svg(String label, Standing status, Progress p) {
    String value = p.total() == 0 ? status.label().toLowerCase(Locale.ROOT) : p.percent() + "%";
    String shown = label.length() > 40 ? label.substring(0, 39) + "…" : label;
    int lw = width(shown) + 2 * PAD;
    int rw = width(value) + 2 * PAD;
    int w = lw + rw;
    String title = shown + ": " + value + " (" + status.label().toLowerCase(Locale.ROOT) + ")";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + w
        + "\" height=\""
        + HEIGHT
        + "\" role=\"img\" aria-label=\""
        + Escape.xml(title)
        + "\">"
        + "<title>"
        + Escape.xml(title)
        + "</title>"
        + "<rect width=\""
        + lw
        + "\" height=\""
        + HEIGHT
        + "\" rx=\"3\" fill=\"#555\"/>"
        + "<rect x=\""
        + (lw - 3)
        + "\" width=\""
        + (rw + 3)
        + "\" height=\""
        + HEIGHT
        + "\" rx=\"3\" fill=\""
        + colour(status)
        + "\"/>"
        + "<rect x=\""
        + (lw - 3)
        + "\" width=\"3\" height=\""
        + HEIGHT
        + "\" fill=\""
        + colour(status)
        + "\"/>"
        + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\""
        + PAD
        + "\" y=\"14\">"
        + Escape.xml(shown)
        + "</text>"
        + "<text x=\""
        + (lw + PAD)
        + "\" y=\"14\">"
        + Escape.xml(value)
        + "</text>"
        + "</g></svg>\n";
  }

  /** Shields-like colours with white text at 4.5:1 contrast or better. */
  static String colour(Standing s) {
    return switch (s) {
      case DONE -> "#1a7f37";
      case IN_PROGRESS -> "#0969da";
      case BLOCKED -> "#cf222e";
      case REVIEW -> "#8250df";
      case READY -> "#116329";
      case DRAFT, NONE -> "#57606a";
      case CANCELLED -> "#424a53";
    };
  }

  /** Verdana 11px advance widths, roughly: narrow, wide and average glyphs. */
  static int width(String s) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("iIl.,:;|!'".indexOf(c) >= 0) {
        w += 3.5;
      } else if ("mwMW%@".indexOf(c) >= 0) {
        w += 10.5;
      } else if (Character.isUpperCase(c) || Character.isDigit(c)) {
        w += 7.5;
      } else {
        w += 6.6;
      }
    }
    return (int) Math.ceil(w);
  }
}
