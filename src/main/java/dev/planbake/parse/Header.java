package dev.planbake.parse;

import dev.planbake.config.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the metadata header off a plan: YAML front matter between {@code ---} lines, or a
 * JBake-style header of {@code key=value} lines ended by {@code ~~~~~~}. The header's lines are
 * blanked, not removed, so Markdown line numbers stay the file's line numbers.
 *
 * @param entries the header's keys with file line numbers
 * @param body the text with the header lines replaced by empty lines
 * @param problem a message if the header could not be read ("" if fine)
 * @param problemLine the file line of that problem
 */
record Header(List<Yaml.Entry> entries, String body, String problem, int problemLine) {

  private static final Pattern JBAKE_LINE = Pattern.compile("([A-Za-z][\\w.-]*)\\s*=(.*)");
  private static final Pattern JBAKE_END = Pattern.compile("~{3,}\\s*");
  private static final int JBAKE_MAX_LINES = 60;

  static Header split(String text) {
    if (text.startsWith("---")) {
      int firstEnd = lineEnd(text, 0);
      if (text.substring(0, firstEnd).strip().equals("---")) {
        return yaml(text, firstEnd);
      }
    }
    Matcher first = JBAKE_LINE.matcher(text.substring(0, lineEnd(text, 0)).strip());
    if (first.matches()) {
      return jbake(text);
    }
    return new Header(List.of(), text, "", 0);
  }

  private static Header yaml(String text, int firstEnd) {
    int pos = next(text, firstEnd);
    int line = 2;
    while (pos < text.length()) {
      int end = lineEnd(text, pos);
      String l = text.substring(pos, end).strip();
      if (l.equals("---") || l.equals("...")) {
        String yaml = text.substring(next(text, firstEnd), pos);
        String body = blank(text, next(text, end));
        try {
          List<Yaml.Entry> entries = shift(Yaml.readMapping(yaml), 1);
          return new Header(entries, body, "", 0);
        } catch (Yaml.Problem p) {
          return new Header(
              List.of(), body, "front matter is not valid YAML: " + p.getMessage(), p.line() + 1);
        }
      }
      pos = next(text, end);
      line++;
    }
    // No closing line: this is a thematic break and Markdown, not front matter.
    return new Header(List.of(), text, "", 0);
  }

  private static Header jbake(String text) {
    List<Yaml.Entry> entries = new ArrayList<>();
    int pos = 0;
    int line = 1;
    while (pos < text.length() && line <= JBAKE_MAX_LINES) {
      int end = lineEnd(text, pos);
      String l = text.substring(pos, end).strip();
      if (JBAKE_END.matcher(l).matches()) {
        return new Header(entries, blank(text, next(text, end)), "", 0);
      }
      Matcher m = JBAKE_LINE.matcher(l);
      if (m.matches()) {
        entries.add(new Yaml.Entry(m.group(1).strip(), line, m.group(2).strip(), List.of(), false));
      } else if (!l.isEmpty()) {
        break;
      }
      pos = next(text, end);
      line++;
    }
    // Not a header after all: plain text that happens to start with key=value.
    return new Header(List.of(), text, "", 0);
  }

  /** The text with everything before {@code bodyStart} turned into as many empty lines. */
  private static String blank(String text, int bodyStart) {
    int lines = 0;
    for (int i = 0; i < bodyStart; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return "\n".repeat(lines) + text.substring(bodyStart);
  }

  private static List<Yaml.Entry> shift(List<Yaml.Entry> entries, int by) {
    return entries.stream()
        .map(
            e ->
                new Yaml.Entry(
                    e.key(), e.line() + by, e.scalar(), e.items(), e.sequence(), e.mapping()))
        .toList();
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static int next(String text, int lineEnd) {
    return Math.min(text.length(), lineEnd + 1);
  }
}
