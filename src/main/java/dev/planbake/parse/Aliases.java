package dev.planbake.parse;

import dev.planbake.config.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an author gives a unit besides its file name, which other plans use to refer to it
 * (docs/reading.md, "Identity"):
 *
 * <ul>
 *   <li>a task id leading or closing its H1: {@code # P1-007: Rewrite ...}, {@code # Batch 3
 *       (P1-009)};
 *   <li>Backlog.md's front matter {@code id: BACK-213} and file name {@code back-213 - Title.md},
 *       which also answer to {@code task-213} (Backlog.md's default prefix, which older tasks use
 *       whatever the project's prefix is now);
 *   <li>the task number leading its H1, {@code # 4. Containerize ...}, as {@code #4};
 *   <li>a milestone name leading its H1, {@code # M3 Preparation Report}, as {@code M3}.
 * </ul>
 */
final class Aliases {
  private Aliases() {}

  /** A ticket-style task id: letters (and digits), a dash, a number, maybe {@code .N} parts. */
  private static final String TASK_ID = "[A-Z][A-Za-z0-9]*-\\d+(?:\\.\\d+)*";

  private static final Pattern LEADING_TASK_ID =
      Pattern.compile("^(" + TASK_ID + ")\\s*(?:[:—–]|\\s-\\s)");
  private static final Pattern CLOSING_TASK_ID = Pattern.compile("\\((" + TASK_ID + ")\\)\\s*$");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,4})\\.\\s+\\S");
  private static final Pattern MILESTONE = Pattern.compile("^(M\\d{1,3})(?=[\\s:]|$)");

  /** Backlog.md's id: a prefix, a dash, the task number (subtasks {@code 215.01}). */
  private static final Pattern BACKLOG_ID =
      Pattern.compile("(?i)([a-z][a-z0-9]*)-(\\d+(?:\\.\\d+)*)");

  /** A Backlog.md file name: {@code back-213 - Title.md}, {@code task-41 - Title.md}. */
  private static final Pattern BACKLOG_FILE =
      Pattern.compile("(?i)([a-z][a-z0-9]*-\\d+(?:\\.\\d+)*) - .*\\.md");

  /** Characters that decorate a heading before its words: emoji, symbols, spaces. */
  private static final Pattern LEAD_DECORATION = Pattern.compile("^[^\\p{L}\\p{N}(]+");

  /**
   * The aliases of a whole-file unit read from {@code source}, its front matter and its H1 (as
   * written, before the title is cleaned).
   */
  static List<String> of(String source, List<Yaml.Entry> header, String h1) {
    List<String> out = new ArrayList<>();
    String heading = LEAD_DECORATION.matcher(PlainText.stripDecoration(h1)).replaceFirst("");
    Matcher m = LEADING_TASK_ID.matcher(heading);
    if (m.find()) {
      out.add(m.group(1));
    }
    m = CLOSING_TASK_ID.matcher(heading);
    if (m.find()) {
      out.add(m.group(1));
    }
    m = LEADING_NUMBER.matcher(heading);
    if (m.find()) {
      out.add("#" + Integer.parseInt(m.group(1)));
    }
    m = MILESTONE.matcher(heading);
    if (m.find()) {
      out.add(m.group(1));
    }
    for (Yaml.Entry e : header) {
      if (e.key().equalsIgnoreCase("id") && !e.sequence()) {
        backlog(e.scalar().strip(), out);
      }
    }
    Matcher file = BACKLOG_FILE.matcher(source.substring(source.lastIndexOf('/') + 1));
    if (file.matches()) {
      backlog(file.group(1), out);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    return out.stream().filter(a -> seen.add(a.toLowerCase(Locale.ROOT))).toList();
  }

  /** A Backlog.md id and the same number with the default prefix {@code task-}. */
  private static void backlog(String id, List<String> out) {
    Matcher m = BACKLOG_ID.matcher(id);
    if (!m.matches()) {
      return;
    }
    out.add(id);
    String task = "task-" + m.group(2);
    if (!task.equalsIgnoreCase(id)) {
      out.add(task);
    }
  }
}
