package dev.planbake.parse;

import dev.planbake.config.Yaml;
import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter values of a shape their key cannot use, which the reader would otherwise drop
 * without a word: a list where one value goes ({@code title: [a, b]}), a number as a status ({@code
 * status: 42}), {@code key: value} lines where a list of ids goes ({@code depends_on: {a: b}}), a
 * date that is no day ({@code created: 2026-13-45}). Each is a warning at its line.
 */
final class FrontMatterTypes {
  private FrontMatterTypes() {}

  /** Keys (as Meta names them) that take one value. */
  private static final List<String> ONE_VALUE =
      List.of(
          "title", "unit", "status", "owner", "created", "updated", "branch", "ticket", "approach");

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b.*");

  static void check(List<Yaml.Entry> header, Position at, Diagnostics diagnostics) {
    for (Yaml.Entry e : header) {
      String key = Meta.canonical(e.key());
      Position line = at.atLine(e.line());
      boolean oneValue = ONE_VALUE.contains(key);
      boolean list =
          PlanParser.directionOfKey(e.key()) != null || key.equals("tags") || key.equals("aliases");
      if (oneValue && (e.sequence() || e.mapping())) {
        diagnostics.add(
            Diagnostic.warning(
                    line,
                    "`"
                        + e.key()
                        + "` takes one value, not "
                        + (e.sequence() ? "a list" : "`key:" + " value` lines")
                        + "; ignored")
                .withHint("write it as `" + e.key() + ": one value`"));
      } else if (list && e.mapping()) {
        diagnostics.add(
            Diagnostic.warning(
                    line, "`" + e.key() + "` takes a list, not `key: value` lines; ignored")
                .withHint("write it as `" + e.key() + ": [first, second]`"));
      } else if (key.equals("status") && e.scalar().strip().matches("[0-9.]+%?")) {
        diagnostics.add(
            Diagnostic.warning(
                    line, "`" + e.key() + ": " + e.scalar().strip() + "` is not a status; ignored")
                .withHint("use a status word such as draft, in progress, blocked or done"));
      } else if ((key.equals("created") || key.equals("updated")) && !isDay(e.scalar())) {
        diagnostics.add(
            Diagnostic.warning(
                    line, "`" + e.key() + ": " + e.scalar().strip() + "` is not a real date")
                .withHint("write the day as YYYY-MM-DD"));
      }
    }
  }

  /** False only for text shaped like a YYYY-MM-DD date that names no day (month 13, day 45). */
  private static boolean isDay(String value) {
    Matcher m = DATE.matcher(value.strip());
    if (!m.matches()) {
      return true;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
