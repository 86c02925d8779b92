package dev.planbake.parse;

import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of dependencies: which labels give which direction, which headings open a dependency
 * section, and which pieces of text name a unit. Only text of those forms is a reference, so a
 * "Dependencies" section listing libraries names nothing.
 */
final class RefText {
  private RefText() {}

  /** A label at the start of a line and the text after it. */
  record Label(Direction direction, String rest, boolean hasColon) {
    /**
     * A line that is only a label ("Upstream Dependencies:"), naming the direction of what follows.
     */
    boolean alone() {
      return rest.replaceAll("[\\s:*_.—–-]", "").isEmpty();
    }
  }

  private static final String ENABLES =
      "downstream(?: dependencies| dependents)?|future|enables|blocks|unblocks|unlocks|followed by"
          + "|required by|needed by|dependents";
  private static final String RELATED =
      "related(?: work| units| plans| specs| documents| to)?|similar(?: implementation| to)?"
          + "|see also|parent(?: plan| spec| issue)?|child(?:ren)?|supersedes|superseded by"
          + "|follows patterns from|references?";
  private static final String DEPENDS =
      "upstream(?: dependencies)?|requires|required|depends on|depend on|dependencies"
          + "|dependency|prerequisites?|pre-requisites?|blocked by|blocked on"
          + "|must complete first|must be completed first|builds on|built on|needs|after";

  /** Leading decoration: list markers, quote markers, heading marks, table pipes, emphasis. */
  private static final Pattern LEAD =
      Pattern.compile("^\\s*(?:>\\s*)*(?:[-*+]\\s+|\\d+[.)]\\s+|#{1,6}\\s+|\\|\\s*)?[*_]{0,3}\\s*");

  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)^(?<enables>"
              + ENABLES
              + ")|^(?<related>"
              + RELATED
              + ")|^(?<depends>"
              + DEPENDS
              + ")");

  /** The label a line starts with, if any; {@code needColon} demands {@code Label:} form. */
  static Label label(String line, boolean needColon) {
    String s = LEAD.matcher(line).replaceFirst("");
    Matcher m = LABEL.matcher(s);
    if (!m.lookingAt()) {
      return null;
    }
    String after = s.substring(m.end());
    // The label must end the word: "Requirements" is not "Requires".
    if (!after.isEmpty() && Character.isLetterOrDigit(after.charAt(0))) {
      return null;
    }
    String trimmed = after.replaceFirst("^[*_]{0,3}\\s*", "");
    boolean colon = trimmed.startsWith(":");
    if (needColon && !colon) {
      return null;
    }
    String rest = colon ? trimmed.substring(1).replaceFirst("^\\s*[*_]{0,3}", "") : trimmed;
    Direction d =
        m.group("enables") != null
            ? Direction.ENABLES
            : m.group("related") != null ? Direction.RELATED : Direction.DEPENDS_ON;
    return new Label(d, rest, colon);
  }

  private static final Pattern SECTION_ENABLES =
      Pattern.compile("(?i)\\b(downstream|enables|blocks|dependents|unblocks)\\b");
  private static final Pattern SECTION_RELATED =
      Pattern.compile("(?i)\\b(related|references|see also|integration points|links)\\b");
  private static final Pattern SECTION_DEPENDS =
      Pattern.compile(
          "(?i)\\b(dependencies|depends on|dependency|prerequisites?|blocked by|critical path"
              + "|upstream|requires|requirements from|must complete first)\\b");

  /** The default direction of a section by its heading, or null if it is no dependency section. */
  static Direction sectionDirection(String heading) {
    if (SECTION_ENABLES.matcher(heading).find()) {
      return Direction.ENABLES;
    }
    if (SECTION_DEPENDS.matcher(heading).find()) {
      return Direction.DEPENDS_ON;
    }
    if (SECTION_RELATED.matcher(heading).find()) {
      return Direction.RELATED;
    }
    return null;
  }

  private static final String ID = "\\d+(?:\\.\\d+)+";
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w/#-])([a-z0-9][a-z0-9._-]*)#(" + ID + ")\\b");
  private static final Pattern UNITS =
      Pattern.compile(
          "(?i)\\bunits?\\s+("
              + ID
              + ")((?:\\s*(?:,|and|&|or|/|\\+)\\s*(?:units?\\s+)?"
              + ID
              + "\\b)*)");
  private static final Pattern MORE_IDS = Pattern.compile(ID);
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?");
  private static final Pattern BACKTICK = Pattern.compile("`([^`\\s]+)`");
  private static final Pattern MD_FILE =
      Pattern.compile("(?<![\\w/.-])((?:\\.{1,2}/)?[\\w.-]+(?:/[\\w.-]+)*\\.md)\\b");
  private static final Pattern ALIAS = Pattern.compile("(?<![\\w&/#])#(\\d+)\\b(?!\\.\\d)");
  private static final Pattern NAME =
      Pattern.compile(
          "(?<![\\w/#.-])(\\d{2,4}-[a-z0-9][a-z0-9-]*[a-z0-9]|\\d{2,4}-\\d{2,4}"
              + "|[a-z][a-z0-9]*(?:-[a-z0-9]+){2,})(?![\\w/#-]|\\.[\\w])");

  /**
   * The units a piece of text names. With {@code guesses}, words that merely look like plan slugs
   * are included too (kind NAME, ignored later if no plan has them).
   */
  static List<Target> targets(String text, boolean guesses) {
    List<Target> out = new ArrayList<>();
    StringBuilder rest = new StringBuilder(text);
    consume(
        rest,
        LINK,
        "](",
        m -> {
          String href = m.group(2);
          if (isLocal(href)) {
            out.add(new Target(Kind.PATH, href));
          }
        });
    consume(
        rest,
        BACKTICK,
        "`",
        m -> {
          String code = m.group(1);
          if (code.toLowerCase(Locale.ROOT).endsWith(".md") || code.endsWith("/")) {
            out.add(new Target(Kind.PATH, code));
          } else if (guesses) {
            addName(out, code);
          }
        });
    consume(
        rest,
        QUALIFIED,
        "#",
        m -> out.add(new Target(Kind.QUALIFIED, m.group(1) + "#" + m.group(2))));
    consume(
        rest,
        UNITS,
        "unit",
        m -> {
          out.add(new Target(Kind.UNIT, m.group(1)));
          Matcher more = MORE_IDS.matcher(m.group(2));
          while (more.find()) {
            out.add(new Target(Kind.UNIT, more.group()));
          }
        });
    consume(rest, MD_FILE, ".md", m -> out.add(new Target(Kind.PATH, m.group(1))));
    consume(rest, ALIAS, "#", m -> out.add(new Target(Kind.ALIAS, "#" + m.group(1))));
    if (guesses) {
      consume(rest, NAME, "-", m -> addName(out, m.group(1)));
    }
    return out;
  }

  private static void addName(List<Target> out, String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.matches("[a-z0-9][a-z0-9._/-]*") && w.length() <= 200) {
      out.add(new Target(Kind.NAME, w));
    }
  }

  /** A front matter value: a unit id, a path, an alias, {@code file#1.1} or a plan id. */
  static Target frontMatterTarget(String value) {
    String v = value.strip();
    Matcher unit = Pattern.compile("(?i)(?:units?\\s+)?(" + ID + ")").matcher(v);
    if (unit.matches()) {
      return new Target(Kind.UNIT, unit.group(1));
    }
    if (v.matches("#\\d+")) {
      return new Target(Kind.ALIAS, v);
    }
    if (QUALIFIED.matcher(v).matches()) {
      return new Target(Kind.QUALIFIED, v);
    }
    if (v.contains("/") || v.toLowerCase(Locale.ROOT).endsWith(".md")) {
      return new Target(Kind.PATH, v);
    }
    return new Target(Kind.ID, v);
  }

  static boolean isLocal(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    if (h.startsWith("#") || h.matches("^[a-z][a-z0-9+.-]*:.*")) {
      return false;
    }
    String path = h.replaceFirst("[#?].*$", "");
    return path.endsWith(".md") || path.endsWith("/");
  }

  /** Whether {@code text} contains {@code needle} (lower case ASCII), ignoring case. */
  static boolean containsIgnoreCase(CharSequence text, String needle) {
    int n = needle.length();
    char first = needle.charAt(0);
    outer:
    for (int i = 0, last = text.length() - n; i <= last; i++) {
      if (Character.toLowerCase(text.charAt(i)) != first) {
        continue;
      }
      for (int j = 1; j < n; j++) {
        if (Character.toLowerCase(text.charAt(i + j)) != needle.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private interface Hit {
    void on(Matcher m);
  }

  /** Runs {@code hit} on each match and blanks the match so later patterns do not see it again. */
  private static void consume(StringBuilder text, Pattern p, String needle, Hit hit) {
    // Every match contains the needle: most lines name nothing, and a plain search is many times
    // cheaper than a regex with look-behinds.
    if (!containsIgnoreCase(text, needle)) {
      return;
    }
    Matcher m = p.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      hit.on(m);
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int[] s : spans) {
      for (int i = s[0]; i < s[1]; i++) {
        text.setCharAt(i, ' ');
      }
    }
  }
}
