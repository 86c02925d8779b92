package dev.planbake.parse;

import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Field;
import dev.planbake.model.Section;
import dev.planbake.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status a plan or a unit declares: front matter, a {@code Status} field at its top, its {@code
 * ## Status} section, then its folder; read through the file's own legend first, then the global
 * words. A written value is a declared status only when it states one: a progress report ("Backend
 * 100% complete, Frontend 40%") or a sentence about something else is not.
 */
final class StatusReader {
  private StatusReader() {}

  /** A percentage: "40%", "100 %", "12.5%". */
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s?%");

  /** A percentage of completion: "40% complete", "done: 40%", "40% done". */
  private static final Pattern PERCENT_DONE =
      Pattern.compile(
          "(?i)\\d+(?:[.,]\\d+)?\\s?%\\s*(?:complete|completed|done|finished|implemented)\\b"
              + "|\\b(?:complete|completed|done|finished|implemented|progress)\\s*[:=-]?\\s*\\d+");

  /** Where a status must start: among the first words of the value, not deep in a sentence. */
  private static final int MAX_WORDS_BEFORE = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’._/-]*");
  private static final Pattern STATUS_KEY =
      Pattern.compile(
          "(?i)(?:(?:overall|current|plan|project|document|doc|implementation|spec|task|feature)"
              + "\\s+)?(?:status|state)");
  private static final Pattern HEADING_SEPARATOR = Pattern.compile(":|\\s[-—–]\\s|\\s?[—–]\\s?");
  private static final Pattern CLAUSES = Pattern.compile("[,;]|\\.\\s|\\s\\|\\s");

  /**
   * The status a written value declares, by the legend first, then the global words; empty for a
   * value that names none, a progress report, or a sentence about something else.
   */
  static Optional<Status> of(String value, Legend legend) {
    if (value == null || value.isBlank() || progressReport(value) || isLabel(value)) {
      return Optional.empty();
    }
    Optional<Status> byLegend = legend.of(value);
    if (byLegend.isPresent()) {
      return byLegend;
    }
    Optional<Status> s = StatusWords.of(value);
    if (s.isEmpty() || wordsBeforeStatus(value) > MAX_WORDS_BEFORE) {
      return Optional.empty();
    }
    return s;
  }

  /**
   * A report of progress, not a status: percentages of several parts ("Backend 100% complete,
   * Frontend 40%, Integration 0%"), a percentage of completion short of 100 ("60% complete"), or
   * parts with statuses of their own ("Phase 1 complete, Phase 2 in progress"); a value that starts
   * with its status is none.
   */
  static boolean progressReport(String value) {
    if (wordsBeforeStatus(value) == 0) {
      // It starts with its status: "In progress (60% complete)" is in progress, with a note.
      return false;
    }
    Matcher p = PERCENT.matcher(value);
    int percentages = 0;
    boolean below100 = false;
    while (p.find()) {
      percentages++;
      below100 |= Double.parseDouble(p.group(1).replace(',', '.')) < 100;
    }
    if (below100 && (percentages >= 2 || PERCENT_DONE.matcher(value).find())) {
      return true;
    }
    Status first = null;
    for (String clause : CLAUSES.split(value)) {
      Optional<Status> s = StatusWords.of(clause);
      if (s.isEmpty() || wordsBeforeStatus(clause) == 0) {
        continue;
      }
      if (first == null) {
        first = s.get();
      } else if (first != s.get()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A label that introduces what follows ("**Prerequisites Completed:**"): it names something else,
   * not the status.
   */
  private static boolean isLabel(String value) {
    return value.replace("*", "").replace("_", "").strip().endsWith(":");
  }

  /**
   * The status a plan's first section states in its heading: "## Completed: Core Infrastructure",
   * "## ✅ COMPLETED - Phase 1 Implementation", a status word alone before a separator, right under
   * the title.
   */
  private static Optional<DeclaredStatus> firstHeading(Doc doc, String source) {
    Section first =
        doc.sections().stream()
            .filter(s -> s.line() > doc.h1Line() && s.level() > 1)
            .findFirst()
            .orElse(null);
    if (first == null || doc.h1().isEmpty()) {
      return Optional.empty();
    }
    Matcher sep = HEADING_SEPARATOR.matcher(first.title());
    if (!sep.find() || sep.start() == 0) {
      return Optional.empty();
    }
    return StatusWords.only(first.title().substring(0, sep.start()))
        .map(s -> new DeclaredStatus(s, first.title(), source, first.line(), "status heading"));
  }

  /** How many words come before the first status word of {@code value} (0 if none does). */
  private static int wordsBeforeStatus(String value) {
    String v = PlainText.stripDecoration(value).toLowerCase(Locale.ROOT);
    int at = StatusWords.firstWordAt(v);
    if (at <= 0) {
      return 0;
    }
    int words = 0;
    Matcher w = WORD.matcher(v.substring(0, at));
    while (w.find()) {
      words++;
    }
    return words;
  }

  // ---- where a plan or unit says it

  /**
   * The status a plan (or the unit section whose lines satisfy {@code in}) declares: front matter,
   * then a {@code Status} field before the first subsection, then a Status section, then the
   * folder. {@code unitLine} is the unit's heading line, 0 for the plan as a whole. A blocked
   * status carries its author's reason ({@link BlockedReasons}).
   */
  static DeclaredStatus declared(
      Meta meta, Doc doc, Legend legend, String source, IntPredicate in, int unitLine) {
    return BlockedReasons.of(statusOf(meta, doc, legend, source, in, unitLine), meta, doc, in);
  }

  private static DeclaredStatus statusOf(
      Meta meta, Doc doc, Legend legend, String source, IntPredicate in, int unitLine) {
    if (!meta.status().isEmpty() && !StatusWords.isPublishing(meta.status())) {
      Optional<Status> s = of(meta.status(), legend);
      if (s.isPresent()) {
        return new DeclaredStatus(
            s.get(), meta.status(), source, meta.statusLine(), "front matter");
      }
    }
    for (Doc.ScopedField sf : doc.fields()) {
      Field f = sf.field();
      boolean top =
          unitLine == 0
              ? sf.headingLevel() <= 1 || sf.metadata()
              : sf.headingLine() == unitLine || sf.metadata();
      if (top && in.test(f.line()) && isStatusKey(f.key())) {
        Optional<Status> s = of(f.value(), legend);
        if (s.isPresent()) {
          return new DeclaredStatus(s.get(), f.value(), source, f.line(), "status field");
        }
      }
    }
    for (Doc.ScopedField sf : doc.statusTexts()) {
      Field f = sf.field();
      if (in.test(f.line())) {
        Optional<Status> s = of(f.value(), legend);
        if (s.isPresent()) {
          return new DeclaredStatus(s.get(), f.value(), source, f.line(), "status section");
        }
      }
    }
    if (unitLine == 0) {
      Optional<DeclaredStatus> heading = firstHeading(doc, source);
      if (heading.isPresent()) {
        return heading.get();
      }
      String[] parts = source.split("/");
      for (int i = parts.length - 2; i >= 0; i--) {
        if (StatusWords.isDataRoot(parts[i], parts[i + 1])) {
          break;
        }
        Optional<Status> s = StatusWords.ofFolder(parts[i]);
        if (s.isPresent()) {
          return new DeclaredStatus(s.get(), parts[i] + "/", source, 0, "folder");
        }
      }
    }
    return DeclaredStatus.NONE;
  }

  /**
   * The statuses of the units of a multi-unit file, in the order of {@code units}. Each unit's own
   * status (a Status field right under its heading, or a Status section inside it) wins. The file's
   * status (front matter, a Status field or section outside every unit, its folder) is given to the
   * units that state none only when no unit states one: a file that gives some of its units a
   * status of their own says nothing about the others.
   */
  static List<DeclaredStatus> ofUnits(
      Meta meta, Doc doc, Legend legend, String source, List<Doc.UnitHeading> units) {
    IntPredicate inAny = l -> units.stream().anyMatch(h -> l >= h.line() && l <= h.endLine());
    List<DeclaredStatus> own = new ArrayList<>();
    boolean anyOwn = false;
    for (Doc.UnitHeading h : units) {
      DeclaredStatus s =
          declared(
              Meta.EMPTY, doc, legend, source, l -> l >= h.line() && l <= h.endLine(), h.line());
      own.add(s);
      anyOwn |= s.present();
    }
    if (anyOwn) {
      return own;
    }
    DeclaredStatus file = declared(meta, doc, legend, source, inAny.negate(), 0);
    return units.stream().map(h -> file).toList();
  }

  /** "Status", "State", "Overall Status", "Plan Status", "Current Status" and the like. */
  static boolean isStatusKey(String key) {
    return STATUS_KEY.matcher(key.strip()).matches();
  }
}
