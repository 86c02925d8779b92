package dev.planbake.render;

import dev.planbake.model.Field;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline: units placed by the date they are due. A unit's date is the first {@code Target},
 * {@code Due} or {@code Deadline} field (also {@code Target date}, {@code Due date}, front matter
 * {@code target:}, {@code due:}, {@code deadline:}) holding a {@code YYYY-MM-DD} date, in its
 * plan's header. "Today" is the day of the commit the site is built from, never the build machine's
 * clock, so one commit gives one page; outside git there is no today and nothing is called overdue.
 */
final class Timeline {
  private static final Pattern KEY =
      Pattern.compile("(?i)(?:target|due|deadline)(?:\\s+date)?|(?:target|due)[ _-]?(?:on|by)");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /** The drawing's size, in its own units (it is scaled to its column). */
  private static final int WIDTH = 960;

  private static final int ROW = 34;
  private static final int LEFT = 124;
  private static final int RIGHT = 16;
  private static final int TOP = 28;

  private Timeline() {}

  /** A unit with its due date. */
  record Dated(Unit unit, LocalDate due) {}

  /**
   * Each plan's due date (or none) by the plan object: every unit of a plan has its plan's date,
   * and under {@code serve} an edit gives new objects to one plan only, so the others' header
   * fields are not read again. Only the plans of the last timeline are kept.
   */
  static final class DueDates {
    private static final Object NONE = new Object();

    private Map<Plan, Object> last = new IdentityHashMap<>();
    private Map<Plan, Object> next = new IdentityHashMap<>();

    /** The plan's due date, or null. */
    private LocalDate of(Plan plan) {
      Object due = next.get(plan);
      if (due == null) {
        due = last.get(plan);
        if (due == null) {
          due = dueIn(plan.metadata().fields());
          due = due == null ? NONE : due;
        }
        next.put(plan, due);
      }
      return due == NONE ? null : (LocalDate) due;
    }

    private void endRound() {
      last = next;
      next = new IdentityHashMap<>(2 * last.size());
    }
  }

  /**
   * The due date of a plan's units, or null: the first due-date field of its header holding a date.
   * Units of a multi-unit file share their file's date (fields inside a unit's section are not kept
   * apart).
   */
  private static LocalDate dueIn(List<Field> fields) {
    for (Field f : fields) {
      if (!mayBeDue(f.key()) || !KEY.matcher(f.key().strip()).matches()) {
        continue;
      }
      LocalDate d = date(f.value());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Whether a field's key can be a due date's: it starts with a T or a D. Most keys do not (status,
   * owner, created), and this is asked of every field of every plan on every build and edit.
   */
  private static boolean mayBeDue(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == 't' || c == 'T' || c == 'd' || c == 'D';
      }
    }
    return false;
  }

  static LocalDate date(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether {@code d} is past due on {@code today} (never without a today). */
  static boolean overdue(Dated d, LocalDate today) {
    return today != null && d.unit().standing().open() && d.due().isBefore(today);
  }

  /** The page's view. */
  static View.TimelinePage view(
      Repository repo, Views views, LocalDate today, String root, DueDates dues) {
    Map<String, Plan> plans = new LinkedHashMap<>();
    repo.plans().forEach(p -> plans.put(p.slug(), p));
    List<Dated> dated = new ArrayList<>();
    List<View.UnitRef> undated = new ArrayList<>();
    for (Unit u : repo.units()) {
      if (u.placeholder() || u.standing() == Standing.NONE) {
        continue;
      }
      Plan plan = plans.get(u.planSlug());
      LocalDate due = plan == null ? null : dues.of(plan);
      if (due == null) {
        undated.add(views.ref(u, root));
      } else {
        dated.add(new Dated(u, due));
      }
    }
    dues.endRound();
    // By date, then by id as written: each id's text is made once, not at every comparison.
    Map<Unit, String> ids = new java.util.IdentityHashMap<>(2 * dated.size());
    dated.forEach(d -> ids.put(d.unit(), d.unit().id().toString()));
    dated.sort(Comparator.comparing(Dated::due).thenComparing(d -> ids.get(d.unit())));
    Map<String, List<View.TimelineRow>> byMonth = new LinkedHashMap<>();
    int overdue = 0;
    for (Dated d : dated) {
      boolean late = overdue(d, today);
      if (late) {
        overdue++;
      }
      String month =
          d.due().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + " "
              + d.due().getYear();
      byMonth
          .computeIfAbsent(month, k -> new ArrayList<>())
          .add(
              views
                  .rows()
                  .drawn(
                      "timeline-row",
                      views.ref(d.unit(), root),
                      new View.TimelineRow(
                          views.ref(d.unit(), root),
                          d.due().toString(),
                          late,
                          late ? (int) ChronoUnit.DAYS.between(d.due(), today) : 0,
                          ""),
                      View.TimelineRow::withHtml));
    }
    List<View.Item> items = new ArrayList<>(undated.size());
    for (View.UnitRef ref : undated) {
      items.add(views.rows().drawn("unit-item", ref, new View.Item(ref, ""), View.Item::withHtml));
    }
    List<View.TimelineMonth> months = new ArrayList<>();
    byMonth.forEach((label, rows) -> months.add(new View.TimelineMonth(label, rows)));
    return new View.TimelinePage(
        today == null ? "" : today.toString(),
        dated.size(),
        overdue,
        dated.isEmpty() ? "" : svg(dated, today, views, root),
        months,
        undated,
        items);
  }

  /**
   * One row per standing (as every badge shows it), each unit a dot at its date (dots of one week
   * stack, a few high, then a count); overdue dots are ringed and the commit's day is a dashed
   * line. Every dot links to its unit and names it, its date and its status in a {@code <title>}.
   */
  static String svg(List<Dated> dated, LocalDate today, Views views, String root) {
    LocalDate first = dated.get(0).due().withDayOfMonth(1);
    LocalDate last = dated.get(dated.size() - 1).due();
    if (today != null) {
      first = today.isBefore(first) ? today.withDayOfMonth(1) : first;
      last = today.isAfter(last) ? today : last;
    }
    last = last.plusMonths(1).withDayOfMonth(1);
    long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
    List<Standing> rows = new ArrayList<>();
    for (Standing s : Standing.values()) {
      if (dated.stream().anyMatch(d -> d.unit().standing() == s)) {
        rows.add(s);
      }
    }
    int height = TOP + rows.size() * ROW + 8;
    double span = WIDTH - LEFT - RIGHT;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"timeline-svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"group\" aria-labelledby=\"pb-tl-title\"><title id=\"pb-tl-title\">")
        .append(dated.size())
        .append(dated.size() == 1 ? " unit" : " units")
        .append(" by due date, ")
        .append(first)
        .append(" to ")
        .append(last.minusDays(1))
        .append("</title>");
    // Month ticks: at most about twelve labels, whatever the span.
    long months = ChronoUnit.MONTHS.between(first, last);
    int every = (int) Math.max(1, (months + 11) / 12);
    for (LocalDate m = first; m.isBefore(last); m = m.plusMonths(every)) {
      double x = LEFT + span * ChronoUnit.DAYS.between(first, m) / days;
      b.append(
              String.format(
                  Locale.ROOT,
                  "<line class=\"tl-tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                  x,
                  TOP - 6,
                  x,
                  height - 8))
          .append(
              String.format(
                  Locale.ROOT, "<text class=\"tl-month\" x=\"%.1f\" y=\"%d\">", x + 3, TOP - 10))
          .append(m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
          .append(m.getMonthValue() == 1 || m.equals(first) ? " " + m.getYear() : "")
          .append("</text>");
    }
    for (int r = 0; r < rows.size(); r++) {
      Standing s = rows.get(r);
      int y = TOP + r * ROW + ROW / 2;
      b.append("<text class=\"tl-row\" x=\"0\" y=\"")
          .append(y + 4)
          .append("\">")
          .append(Escape.xml(s.label()))
          .append("</text>");
      Map<Long, Integer> stacked = new LinkedHashMap<>();
      for (Dated d : dated) {
        if (d.unit().standing() != s) {
          continue;
        }
        long week = ChronoUnit.DAYS.between(first, d.due()) / 7;
        int n = stacked.merge(week, 1, Integer::sum);
        double x = LEFT + span * ChronoUnit.DAYS.between(first, d.due()) / days;
        if (n > 3) {
          continue;
        }
        double dy = (n - 2) * 11.0;
        View.UnitRef ref = views.ref(d.unit(), root);
        boolean late = overdue(d, today);
        b.append("<a href=\"")
            .append(Escape.xml(ref.url()))
            .append(
                String.format(
                    Locale.ROOT,
                    "\"><circle class=\"tl-dot status-%s%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\">",
                    s.slug(),
                    late ? " tl-late" : "",
                    x,
                    y + dy))
            .append("<title>")
            .append(
                Escape.xml(
                    ref.label()
                        + (ref.title().isEmpty() || ref.title().equals(ref.label())
                            ? ""
                            : ": " + ref.title())))
            .append(" · due ")
            .append(d.due())
            .append(" · ")
            .append(Escape.xml(s.label()))
            .append(late ? " · overdue" : "")
            .append("</title></circle></a>");
      }
      for (Map.Entry<Long, Integer> e : stacked.entrySet()) {
        if (e.getValue() > 3) {
          double x = LEFT + span * (e.getKey() * 7 + 3) / days;
          b.append(
              String.format(
                  Locale.ROOT,
                  "<text class=\"tl-more\" x=\"%.1f\" y=\"%d\">+%d</text>",
                  x + 6,
                  y + 4,
                  e.getValue() - 3));
        }
      }
    }
    if (today != null) {
      double x = LEFT + span * ChronoUnit.DAYS.between(first, today) / days;
      b.append(
              String.format(
                  Locale.ROOT,
                  "<line class=\"tl-today\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                  x,
                  TOP - 4,
                  x,
                  height - 4))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text class=\"tl-today-label\" x=\"%.1f\" y=\"%d\">",
                  x + 3,
                  height - 1))
          .append("today ")
          .append(today)
          .append("</text>");
    }
    return b.append("</svg>").toString();
  }
}
