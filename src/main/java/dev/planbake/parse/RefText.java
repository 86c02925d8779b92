package dev.planbake.parse;

import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import dev.planbake.model.SafePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of text that name units: ids, qualified ids, links and paths, feature and phase names,
 * task ids and lists of them, after a label {@link Labels} found or in a dependency section. Only
 * text of those forms is a reference, so a "Dependencies" section listing libraries names nothing.
 */
final class RefText {
  private RefText() {}

  /**
   * The targets of an unlabelled line of a dependency section, where a path counts as a reference
   * when it is a Markdown link ("- Feature Spec: [spec.md](./spec.md)") or the item itself ("-
   * `plans/x.md` (why)"): a path written inside a sentence ("greps of CLAUDE.md", "clean inside
   * `tests/in-app/`") names a file the work touches, so it links when it is a plan and is no
   * problem when it is not.
   */
  static List<Target> asItems(List<Target> targets, String line) {
    if (targets.stream().noneMatch(t -> t.kind() == Kind.PATH)) {
      return targets;
    }
    String item = Labels.LEAD.matcher(line).replaceFirst("");
    List<Target> out = new ArrayList<>(targets.size());
    for (Target t : targets) {
      boolean leads = item.startsWith("`" + t.value()) || item.contains("](" + t.value());
      out.add(t.kind() == Kind.PATH && !leads ? new Target(Kind.NAME, t.value()) : t);
    }
    return out;
  }

  /** A dependency verb inside a line, after its subject: "Spec 003 (object model) depends on:". */
  private static final Pattern SUBJECT_VERB =
      Pattern.compile("(?i)\\s(?:depends on|depend on|requires|is blocked by|needs)\\b");

  /**
   * The units a line says depend on something, when it names them before its verb: "Spec 003
   * (object model) depends on: ObjectId (T004)" in a list of cross-spec dependencies says that
   * feature 003 needs the unit the line is written in (what it needs is named by the unit's own
   * parts). Only numbered names count (features, phases, unit ids); empty if the line has no
   * subject. A phase as the subject ("Phase 6 depends on Phase 2 (... from spec 006)") is a section
   * of the file, so the line orders the file's own work.
   */
  static List<Target> dependents(String line) {
    String s = Labels.LEAD.matcher(line).replaceFirst("");
    Matcher verb = SUBJECT_VERB.matcher(s);
    if (!verb.find()) {
      return List.of();
    }
    List<Target> out = new ArrayList<>();
    for (Target t : named(s.substring(0, verb.start()))) {
      if (t.kind() == Kind.FEATURE || t.kind() == Kind.UNIT || t.kind() == Kind.PHASE) {
        out.add(t);
      }
    }
    return out;
  }

  private static final String ID = "\\d+(?:\\.\\d+)+";
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w/#-])([a-z0-9][a-z0-9._-]*)#(" + ID + ")\\b");
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
    // Which patterns can match at all, decided on the text as given: consuming only blanks
    // characters, so a pattern that cannot match the text cannot match what is left of it.
    boolean link = text.contains("](");
    boolean tick = text.indexOf('`') >= 0;
    boolean hash = hashDigit(text);
    boolean unit = PlainText.containsIgnoreCase(text, "unit");
    boolean md = text.contains(".md");
    boolean name = guesses && text.indexOf('-') >= 0;
    if (!(link || tick || hash || unit || md || name)) {
      return out;
    }
    StringBuilder rest = new StringBuilder(text);
    consume(
        link,
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
        tick,
        rest,
        BACKTICK,
        "`",
        m -> {
          String code = m.group(1);
          if (code.toLowerCase(Locale.ROOT).endsWith(".md")
              || code.endsWith("/")
              || (code.indexOf('/') > 0
                  && SafePath.isFeatureFolder(code.substring(code.lastIndexOf('/') + 1)))) {
            out.add(new Target(Kind.PATH, code));
          } else if (guesses) {
            addName(out, code);
          }
        });
    consume(
        hash,
        rest,
        QUALIFIED,
        "#",
        m -> out.add(new Target(Kind.QUALIFIED, m.group(1) + "#" + m.group(2))));
    // Blanking makes spaces, so whether a unit number follows is asked of what is left.
    if (unit && mayNameUnit(rest)) {
      unitLists(rest, out);
    }
    consume(md, rest, MD_FILE, ".md", m -> out.add(new Target(Kind.PATH, m.group(1))));
    consume(hash, rest, ALIAS, "#", m -> out.add(new Target(Kind.ALIAS, "#" + m.group(1))));
    if (guesses) {
      consume(name, rest, NAME, "-", m -> addName(out, m.group(1)));
    }
    return out;
  }

  /**
   * Every {@code Unit 1.2} / {@code Units 1.1, 1.2 and 2.0} / {@code Units 1.1-1.4} of {@code
   * text}, blanked once read.
   */
  private static void unitLists(StringBuilder text, List<Target> out) {
    numbered(text, "unit", IdList.Item.UNIT, out);
  }

  /**
   * What the text after a dependency label names: nothing for {@code None}, {@code N/A} or a dash;
   * bare ids and ranges at its start ({@code 1.1, 2.3}, {@code 2.1 and 2.2}, {@code 1.1-1.4}) when
   * nothing but a description follows them; groups ({@code all Phase 1 units}, {@code all previous
   * units}); and whatever {@link #named} finds in the rest.
   */
  static List<Target> labelTargets(String rest) {
    int start = IdList.skipDecoration(rest, 0);
    if (IdList.saysNone(rest, start)) {
      return List.of();
    }
    List<Target> out = new ArrayList<>();
    int end = IdList.group(rest, start, out);
    if (end == start) {
      List<Target> bare = new ArrayList<>();
      int after = IdList.scan(rest, start, IdList.Item.UNIT, bare);
      if (after > start && IdList.endsList(rest, after)) {
        out.addAll(bare);
        end = after;
      }
    }
    out.addAll(named(end == start ? rest : rest.substring(end)));
    return out;
  }

  /**
   * The units a line in a dependency context names: {@link #targets} with guesses, phases ({@code
   * Phase 2}, {@code Phases 1 and 2}) and numbered features ({@code Feature 001}, {@code Spec 3}).
   */
  static List<Target> named(String text) {
    List<Target> out = new ArrayList<>();
    StringBuilder rest = null;
    for (String word : new String[] {"phase", "feature", "spec"}) {
      if (PlainText.containsIgnoreCase(text, word)) {
        if (rest == null) {
          rest = new StringBuilder(text);
        }
        numbered(rest, word, word.equals("phase") ? IdList.Item.PHASE : IdList.Item.FEATURE, out);
      }
    }
    String left = rest == null ? text : rest.toString();
    out.addAll(targets(left, true));
    taskIds(left, out);
    return out;
  }

  /**
   * A task id ({@code P1-007}, {@code task-213}, {@code BACK-213}) or a milestone name ({@code M3})
   * standing as a word: a guess, which names the unit that answers to it (see {@code Aliases}).
   */
  private static final Pattern TASK_ID =
      Pattern.compile(
          "(?<![\\w/#.-])([A-Za-z][A-Za-z0-9]{0,15}-\\d{1,6}(?:\\.\\d{1,3})?|[A-Z]\\d{1,3})"
              + "(?![\\w/-]|\\.\\d)");

  private static void taskIds(String text, List<Target> out) {
    if (text.chars().noneMatch(Character::isDigit)) {
      return;
    }
    Matcher m = TASK_ID.matcher(text);
    for (int n = 0; n < 100 && m.find(); n++) {
      out.add(new Target(Kind.NAME, m.group(1).toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * Every {@code word} followed by ids of {@code item} in {@code text} ({@code Unit 1.2}, {@code
   * Phases 1 and 2}, {@code Feature 001}), blanked once read.
   */
  private static void numbered(
      StringBuilder text, String word, IdList.Item item, List<Target> out) {
    int n = text.length();
    int i = 0;
    char first = word.charAt(0);
    while (i + word.length() < n) {
      char c = text.charAt(i);
      boolean wordStart = i == 0 || !PlainText.isWordChar(text.charAt(i - 1));
      if (Character.toLowerCase(c) == first
          && wordStart
          && PlainText.regionIgnoreCase(text, i, word)) {
        int from = IdList.skipWord(text, i, word);
        int end = from > i ? IdList.scan(text, from, item, out) : from;
        if (end > from) {
          for (int k = i; k < end; k++) {
            text.setCharAt(k, ' ');
          }
          i = end;
          continue;
        }
      }
      i++;
    }
  }

  private static void addName(List<Target> out, String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (SLUG_LIKE.matcher(w).matches() && w.length() <= 200) {
      out.add(new Target(Kind.NAME, w));
    }
  }

  private static final Pattern SLUG_LIKE = Pattern.compile("[a-z0-9][a-z0-9._/-]*");
  private static final Pattern FRONT_MATTER_UNIT =
      Pattern.compile("(?i)(?:units?\\s+)?(" + ID + ")");

  /** A front matter value: a unit id, a path, an alias, {@code file#1.1} or a plan id. */
  static Target frontMatterTarget(String value) {
    String v = value.strip();
    Matcher unit = FRONT_MATTER_UNIT.matcher(v);
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

  /**
   * Whether a {@code #} is followed by a digit, as in every {@link #QUALIFIED} and {@link #ALIAS}.
   */
  private static boolean hashDigit(String text) {
    for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
      if (i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code unit}, an optional {@code s}, spaces and a digit follow each other. */
  static boolean mayNameUnit(CharSequence text) {
    int n = text.length();
    for (int i = 0; i + 4 < n; i++) {
      char c = text.charAt(i);
      if ((c == 'u' || c == 'U') && PlainText.regionIgnoreCase(text, i, "unit")) {
        int j = i + 4;
        if (j < n && (text.charAt(j) == 's' || text.charAt(j) == 'S')) {
          j++;
        }
        int spaces = j;
        while (j < n && PlainText.isRegexSpace(text.charAt(j))) {
          j++;
        }
        if (j > spaces && j < n && isDigit(text.charAt(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private interface Hit {
    void on(Matcher m);
  }

  /** Runs {@code hit} on each match and blanks the match so later patterns do not see it again. */
  private static void consume(
      boolean possible, StringBuilder text, Pattern p, String needle, Hit hit) {
    // Every match contains the needle: most lines name nothing, and a plain search is many times
    // cheaper than a regex with look-behinds.
    if (!possible || !PlainText.containsIgnoreCase(text, needle)) {
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
