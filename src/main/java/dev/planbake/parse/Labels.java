package dev.planbake.parse;

import dev.planbake.model.Reference.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of dependencies: which labels start a line and give which direction ("Depends on:",
 * "Unlocks", "Related"), which headings open a dependency section and which name dependencies on
 * things (files, libraries), which words deny an order, and which fenced blocks are drawings.
 * {@link RefText} reads the pieces of text that name units after them.
 */
final class Labels {
  private Labels() {}

  /** A label at the start of a line and the text after it. */
  record Label(Direction direction, String rest, boolean hasColon) {
    /**
     * A line that is only a label ("Upstream Dependencies:"), naming the direction of what follows.
     */
    boolean alone() {
      for (int i = 0; i < rest.length(); i++) {
        if (":*_.—–-".indexOf(rest.charAt(i)) < 0 && !PlainText.isRegexSpace(rest.charAt(i))) {
          return false;
        }
      }
      return true;
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
  static final Pattern LEAD =
      Pattern.compile("^\\s*(?:>\\s*)*(?:[-*+]\\s+|\\d+[.)]\\s+|#{1,6}\\s+|\\|\\s*)?[*_]{0,3}\\s*");

  static final Pattern LABEL =
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
    if (!mayStartLabel(line)) {
      return null;
    }
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

  /** Where another label starts inside a labelled line: "Requires Phase 0 · Unlocks Phase 2". */
  private static final Pattern NEXT_LABEL =
      Pattern.compile(
          "(?i)(?:[·•|;]|\\.\\s|\\s[—–-]\\s)\\s*[*_]{0,3}(?=(?:"
              + ENABLES
              + "|"
              + DEPENDS
              + ")\\b)");

  /**
   * The labels of a line: {@code Label: ...} at its start, or a label without its colon when a
   * phase or feature follows ({@code Requires Phase 0}); and each further label the line holds
   * after a separator, each with its own part of the line.
   */
  static List<Label> labels(String line) {
    Label first = label(line, true);
    if (first == null) {
      first = label(line, false);
      // Not "After Phase 2 we ...": prose starts so more often than an order does.
      if (first == null
          || PlainText.regionIgnoreCase(LEAD.matcher(line).replaceFirst(""), 0, "after")
          || !namesPhaseOrFeature(first.rest())) {
        return List.of();
      }
    }
    List<Label> out = new ArrayList<>();
    Label current = first;
    while (current != null && out.size() < 20) {
      String rest = current.rest();
      Matcher next =
          rest.indexOf('·') >= 0
                  || rest.indexOf('|') >= 0
                  || rest.indexOf(';') >= 0
                  || rest.indexOf('.') >= 0
                  || rest.indexOf('-') >= 0
                  || rest.indexOf('—') >= 0
                  || rest.indexOf('–') >= 0
                  || rest.indexOf('•') >= 0
              ? NEXT_LABEL.matcher(rest)
              : null;
      Label after = null;
      while (next != null && next.find()) {
        Label l = label(rest.substring(next.end()), false);
        if (l != null && (l.hasColon() || namesPhaseOrFeature(l.rest()))) {
          after = l;
          rest = rest.substring(0, next.start());
          break;
        }
      }
      out.add(new Label(current.direction(), rest, current.hasColon()));
      current = after;
    }
    return out;
  }

  /** Arrows that join boxes in a drawing. */
  private static final Pattern ARROW = Pattern.compile("[→←↓↑⟶⇒]|-->|<--|==>|\\s->\\s");

  /** Whether a fenced block is a diagram: mermaid or graphviz, or text joined by arrows. */
  static boolean isDiagram(String info, String literal) {
    String lang = info == null ? "" : info.strip().toLowerCase(Locale.ROOT);
    return lang.startsWith("mermaid")
        || lang.startsWith("dot")
        || lang.startsWith("graphviz")
        || hasArrow(literal);
  }

  /**
   * Whether {@link #ARROW} finds an arrow in {@code s}: by searching, as every fenced block asks.
   */
  static boolean hasArrow(String s) {
    for (int i = 0; i < ARROW_CHARS.length(); i++) {
      if (s.indexOf(ARROW_CHARS.charAt(i)) >= 0) {
        return true;
      }
    }
    if (s.contains("-->") || s.contains("<--") || s.contains("==>")) {
      return true;
    }
    for (int i = s.indexOf("->", 1); i >= 0 && i + 2 < s.length(); i = s.indexOf("->", i + 1)) {
      if (PlainText.isRegexSpace(s.charAt(i - 1)) && PlainText.isRegexSpace(s.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static final String ARROW_CHARS = "→←↓↑⟶⇒";

  private static boolean namesPhaseOrFeature(String rest) {
    int i = IdList.skipDecoration(rest, 0);
    for (IdList.Item item : new IdList.Item[] {IdList.Item.PHASE, IdList.Item.FEATURE}) {
      int from = IdList.skipWord(rest, i, item.word);
      if (from > i && IdList.id(rest, from, item) > from) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern SECTION_ENABLES =
      Pattern.compile("(?i)\\b(downstream|enables|blocks|dependents|unblocks)\\b");
  private static final Pattern SECTION_RELATED =
      Pattern.compile("(?i)\\b(related|references|see also|integration points|links)\\b");
  private static final Pattern SECTION_DEPENDS =
      Pattern.compile(
          "(?i)\\b(dependencies|depends on|dependency|prerequisites?|blocked by|critical path"
              + "|upstream|requires|requirements from|must complete first)\\b");

  /** A part of every word of the three patterns above, to skip them on other headings. */
  private static final List<String> SECTION_WORDS =
      List.of(
          "downstream",
          "enables",
          "block",
          "depend",
          "related",
          "references",
          "see also",
          "integration points",
          "links",
          "prerequisite",
          "critical path",
          "upstream",
          "requires",
          "requirements from",
          "must complete first");

  /**
   * Dependencies on things that are not units of work: "File Dependencies", "External
   * Dependencies", "Technical Dependencies" (versions of tools), "Install Dependencies" (a
   * command). Their lines name files, libraries and tools; a unit named there ("created by
   * add-zod-validation") is the file's origin, not an order of work.
   */
  private static final Pattern SECTION_OF_THINGS =
      Pattern.compile(
          "(?i)\\b(?:files?|code|technical|external|install|packages?|librar(?:y|ies)|tools?"
              + "|tooling|runtime|build|third[- ]party|npm|python)\\s+dependenc(?:y|ies)\\b");

  /** Whether a heading names dependencies on files, libraries or tools, not on units. */
  static boolean sectionOfThings(String heading) {
    return SECTION_OF_THINGS.matcher(heading).find();
  }

  /** The default direction of a section by its heading, or null if it is no dependency section. */
  static Direction sectionDirection(String heading) {
    if (!PlainText.containsAny(PlainText.asciiLower(heading), SECTION_WORDS)
        || SECTION_OF_THINGS.matcher(heading).find()) {
      return null;
    }
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

  /** Words that say two pieces of work have no order between them. */
  private static final List<String> NO_ORDER =
      List.of("independent", "either order", "any order", "not depend", "no dependency");

  /**
   * Whether a line that names units in a dependency context says they do not depend on each other
   * ("MUST remain independently shippable in either order", "does not depend on Unit 1.0").
   */
  static boolean deniesOrder(String line) {
    for (String words : NO_ORDER) {
      if (PlainText.containsIgnoreCase(line, words)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first three letters of the words of {@link #LABEL}, lower case (every word has at least
   * five).
   */
  private static final List<String> LABEL_STARTS =
      labelStarts(ENABLES + "|" + RELATED + "|" + DEPENDS);

  /**
   * {@link #LABEL_STARTS} by their first letter ({@code a} to {@code z}), so that a line is
   * compared only with the starts that can match its first word: every line of every plan asks.
   */
  private static final List<List<String>> STARTS_BY_LETTER = new ArrayList<>();

  /** The {@link #LABEL_STARTS} that do not begin with an ASCII letter. */
  private static final List<String> OTHER_STARTS = new ArrayList<>();

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      List<String> these = new ArrayList<>();
      for (String start : LABEL_STARTS) {
        if (start.isEmpty() || PlainText.asciiLower(start.charAt(0)) == c) {
          these.add(start);
        }
      }
      STARTS_BY_LETTER.add(List.copyOf(these));
    }
    for (String start : LABEL_STARTS) {
      char first = start.isEmpty() ? ' ' : PlainText.asciiLower(start.charAt(0));
      if (first < 'a' || first > 'z') {
        OTHER_STARTS.add(start);
      }
    }
  }

  private static List<String> labelStarts(String alternatives) {
    List<String> starts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i <= alternatives.length(); i++) {
      char c = i < alternatives.length() ? alternatives.charAt(i) : '|';
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        String start = alternatives.substring(from, from + 3);
        if (!start.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
          throw new IllegalStateException("label word without three letters: " + start);
        }
        if (!starts.contains(start)) {
          starts.add(start);
        }
        from = i + 1;
      }
    }
    return List.copyOf(starts);
  }

  /**
   * Whether the first character {@link #LEAD} cannot skip starts a word of {@link #LABEL}: if not,
   * the line has no label (a label starts right after what LEAD skips, and LEAD skips no letter).
   */
  static boolean mayStartLabel(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (PlainText.isRegexSpace(c) || ">-*+.)#|_".indexOf(c) >= 0 || (c >= '0' && c <= '9')) {
        continue;
      }
      char first = PlainText.asciiLower(c);
      for (String start :
          first >= 'a' && first <= 'z' ? STARTS_BY_LETTER.get(first - 'a') : OTHER_STARTS) {
        if (PlainText.regionIgnoreCase(line, i, start)) {
          return true;
        }
      }
      return false;
    }
    return false;
  }
}
