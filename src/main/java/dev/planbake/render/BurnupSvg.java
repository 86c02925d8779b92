package dev.planbake.render;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A burn-up drawn at build time: total boxes as a line, ticked boxes as a filled area under it,
 * both as steps (a count holds until the next commit); a projection, when there is one, as two
 * dashed lines from today's ticked boxes to the total at the slower and faster finish, the band
 * between them shaded. Colours come from the stylesheet, so light, dark and print all apply.
 */
final class BurnupSvg {
  static final int WIDTH = 720;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 26;

  private BurnupSvg() {}

  /**
   * @param id prefix of the ids of its title and description (unique on the page)
   * @param height the drawing's height in its own units
   * @param title what the drawing shows, in a few words
   * @param desc the same in a sentence or two, for screen readers
   */
  static String svg(Burnup.Series s, String id, int height, String title, String desc) {
    List<Burnup.Point> points = s.points();
    LocalDate start = s.first().day();
    LocalDate end = s.today();
    Burnup.Forecast f = s.forecast();
    long history = Math.max(1, ChronoUnit.DAYS.between(start, end));
    if (f != null) {
      // The projection may reach far: the axis goes at most as far ahead as the history reaches.
      LocalDate reach = end.plusDays(Math.max(history, 28));
      end = f.slow().isAfter(reach) ? reach : f.slow();
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
    int max = 1;
    for (Burnup.Point p : points) {
      max = Math.max(max, p.total());
    }
    int step = niceStep(max);
    int top = ((max + step - 1) / step) * step;
    double w = WIDTH - LEFT - RIGHT;
    double h = height - TOP - BOTTOM;
    Scale x = d -> LEFT + w * ChronoUnit.DAYS.between(start, d) / days;
    java.util.function.IntToDoubleFunction y = v -> TOP + h - h * v / top;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"burnup-svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"><title id=\"")
        .append(id)
        .append("-title\">")
        .append(Escape.xml(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(Escape.xml(desc))
        .append("</desc>");
    for (int v = 0; v <= top; v += step) {
      double yy = y.applyAsDouble(v);
      b.append(
              fmt(
                  "<line class=\"bu-grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                  LEFT, yy, WIDTH - RIGHT, yy))
          .append(
              fmt(
                  "<text class=\"bu-label bu-y\" x=\"%d\" y=\"%.1f\">%d</text>",
                  LEFT - 6, yy + 4, v));
    }
    // Week ticks on Mondays, at most about eight labels.
    long weeks = days / 7 + 1;
    int every = (int) Math.max(1, (weeks + 7) / 8);
    LocalDate monday = start.with(java.time.DayOfWeek.MONDAY);
    if (monday.isBefore(start)) {
      monday = monday.plusWeeks(1);
    }
    for (LocalDate m = monday; !m.isAfter(end); m = m.plusWeeks(every)) {
      double xx = x.at(m);
      b.append(
              fmt(
                  "<line class=\"bu-tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                  xx, height - BOTTOM, xx, height - BOTTOM + 4))
          .append(fmt("<text class=\"bu-label bu-x\" x=\"%.1f\" y=\"%d\">", xx, height - 8))
          .append(m.getDayOfMonth())
          .append(' ')
          .append(m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
          .append("</text>");
    }
    StringBuilder total = new StringBuilder();
    StringBuilder done = new StringBuilder();
    double lastTotal = 0;
    double lastDone = 0;
    for (int i = 0; i < points.size(); i++) {
      Burnup.Point p = points.get(i);
      double xx = x.at(p.day());
      double yt = y.applyAsDouble(p.total());
      double yd = y.applyAsDouble(p.done());
      if (i == 0) {
        total.append(fmt("M%.1f %.1f", xx, yt));
        done.append(fmt("M%.1f %.1f L%.1f %.1f", xx, y.applyAsDouble(0), xx, yd));
      } else {
        total.append(fmt(" H%.1f V%.1f", xx, yt));
        done.append(fmt(" H%.1f V%.1f", xx, yd));
      }
      lastTotal = yt;
      lastDone = yd;
    }
    double now = x.at(s.today());
    total.append(fmt(" H%.1f", now));
    done.append(fmt(" H%.1f V%.1f Z", now, y.applyAsDouble(0)));
    b.append("<path class=\"bu-done\" d=\"").append(done).append("\"/>");
    b.append("<path class=\"bu-total\" d=\"").append(total).append("\"/>");
    if (f != null) {
      double right = WIDTH - RIGHT;
      double[] fast = toward(now, lastDone, x.at(f.fast()), lastTotal, right);
      double[] slow = toward(now, lastDone, x.at(f.slow()), lastTotal, right);
      b.append(
              fmt(
                  "<path class=\"bu-band\" d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f Z\"/>",
                  now, lastDone, fast[0], fast[1], slow[0], slow[1]))
          .append(
              fmt(
                  "<line class=\"bu-proj\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                  now, lastDone, fast[0], fast[1]))
          .append(
              fmt(
                  "<line class=\"bu-proj\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                  now, lastDone, slow[0], slow[1]))
          .append(
              fmt(
                  "<line class=\"bu-total bu-total-ahead\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                  now, lastTotal, right, lastTotal))
          .append(
              fmt(
                  "<text class=\"bu-label bu-proj-label\" x=\"%.1f\" y=\"%.1f\">projection</text>",
                  Math.min(now + 6, right - 70),
                  lastTotal - 6 < TOP + 10 ? lastTotal + 14 : lastTotal - 6));
    }
    b.append(
        fmt(
            "<line class=\"bu-today\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
            now, TOP, now, height - BOTTOM));
    return b.append("</svg>").toString();
  }

  /** The line from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}), cut at {@code right}. */
  private static double[] toward(double x0, double y0, double x1, double y1, double right) {
    if (x1 <= right || x1 <= x0) {
      return new double[] {x1, y1};
    }
    double t = (right - x0) / (x1 - x0);
    return new double[] {right, y0 + (y1 - y0) * t};
  }

  /** A step for about four to six grid lines: 1, 2 or 5 times a power of ten. */
  static int niceStep(int max) {
    int step = 1;
    while (true) {
      for (int m : new int[] {1, 2, 5}) {
        if ((long) step * m * 5 >= max) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  private interface Scale {
    double at(LocalDate day);
  }

  /**
   * {@code pattern} with its {@code %d} and {@code %.1f} filled in, as {@code String.format} in
   * {@link Locale#ROOT} would (a drawing formats a few hundred numbers; the formatter is slow).
   */
  static String fmt(String pattern, Object... args) {
    StringBuilder b = new StringBuilder(pattern.length() + 8 * args.length);
    int a = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        b.append(c);
      } else if (pattern.startsWith("%d", i)) {
        b.append(((Number) args[a++]).longValue());
        i += 1;
      } else if (pattern.startsWith("%.1f", i)) {
        tenths(b, ((Number) args[a++]).doubleValue());
        i += 3;
      } else {
        throw new IllegalArgumentException("unsupported format: " + pattern);
      }
    }
    return b.toString();
  }

  /**
   * {@code v} to one decimal, rounded half up, as {@code %.1f} writes it. The formatter rounds the
   * shortest decimal that reads back as {@code v}; that and {@code v} itself round alike unless
   * {@code v} lies within a hair of a half tenth, and those (and zero, negative, huge or odd
   * values) are left to the formatter.
   */
  static void tenths(StringBuilder b, double v) {
    double t = v * 10;
    double below = Math.floor(t);
    if (!(v > 0 && v < 1e9) || Math.abs(t - below - 0.5) < 1e-6) {
      b.append(String.format(Locale.ROOT, "%.1f", v));
      return;
    }
    long r = (long) below + (t - below > 0.5 ? 1 : 0);
    b.append(r / 10).append('.').append(r % 10);
  }
}
