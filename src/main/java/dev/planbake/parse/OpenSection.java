package dev.planbake.parse;

import dev.planbake.model.Field;
import dev.planbake.model.Phase;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Target;
import dev.planbake.model.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading whose section is still open while {@link DocumentReader} walks the file: what kind of
 * section its words open (a unit, a phase, dependencies, an execution order, metadata, files, URLs,
 * risks, a status) and the counters the reader keeps for it.
 */
final class OpenSection {
  private static final Pattern UNIT_HEADING =
      Pattern.compile("(?i)units?\\s+(\\d+(?:\\.\\d+)+)\\s*(?:[:—–.-]\\s*(.*))?");

  /**
   * "Phase 2: Name", "Phase 2 -- Name", "Phase 2a", "Phase 55.1: Name", "Phase 22-25 Name", "Phase
   * 1 & 2 (...)".
   */
  private static final Pattern PHASE_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?phase\\s+(\\d+(?:\\.\\d+)*[a-z]?(?:[-–]\\d+[a-z]?|\\s*&\\s*\\d+[a-z]?"
              + "|\\s+and\\s+\\d+[a-z]?)*)\\b\\s*([:—–.-]*)\\s*(.*)");

  /** A time estimate in brackets at the end of a phase's name: "(Week 3)", "(2-3 days)". */
  private static final Pattern PHASE_DURATION =
      Pattern.compile(
          "\\s*\\(((?:~\\s*)?(?:(?:weeks?|days?|sprints?|months?)\\s+\\d+(?:\\s*[-–]\\s*\\d+)?"
              + "|\\d+(?:\\.\\d+)?(?:\\s*[-–]\\s*\\d+(?:\\.\\d+)?)?\\s*"
              + "(?:weeks?|days?|sprints?|months?|hours?|h|d|w)))\\)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STAGE_HEADING =
      Pattern.compile("(?i)(?:[\\d.]+\\s+)?stage\\s+\\d+\\s*[:—–.-].*");

  /**
   * A Status heading: "Status", "2. Current Status" (its first paragraph is the status), or one
   * that carries the status after a separator, "STATUS: ✅ COMPLETED". "Status Reporting" is a
   * section about something else.
   */
  private static final Pattern STATUS_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?(?:(?:current|implementation|plan|overall|project)\\s+){0,2}"
              + "status\\s*(?:$|[:—–-]\\s*(.*))");

  private static final Pattern VERIFICATION_HEADING =
      Pattern.compile(
          "(?i)(?:automated|manual)(?: verification| checks| testing| tests)?\\s*:?\\s*");

  final int level;
  final String text;

  /** The heading's text without its decoration, as the heading patterns read it. */
  final String plain;

  final String anchor;
  final int line;
  int endLine;
  int done;
  int total;
  Direction refDirection;

  /** "File Dependencies" and the like: no order of work, even inside a dependency section. */
  boolean things;

  Direction subDirection;
  boolean files;
  boolean urls;
  boolean meta;
  boolean risks;
  String phaseNumber;
  String phaseName;
  String goal = "";
  String duration = "";
  Doc.UnitHeading unit;

  /** An execution-order section, and the units of its waves read so far. */
  boolean order;

  final Map<String, List<Target>> waves = new HashMap<>();

  /** "Stage 2: …": plans that count their work in stages. */
  boolean stage;

  /** "Automated Verification", "Manual checks": the plan says how its work is verified. */
  boolean verification;

  /**
   * For a Status heading below the title, outside units and phases: the status written after it
   * ("STATUS: ✅ COMPLETED"), blank when its first paragraph gives it; else null.
   */
  String statusAfter;

  private OpenSection(int level, String text, String plain, String anchor, int line) {
    this.level = level;
    this.text = text;
    this.plain = plain;
    this.anchor = anchor;
    this.line = line;
  }

  /**
   * The section a heading opens. {@code phaseOpen} tells whether a phase of a number is open around
   * it: "Phase 3 Tasks" under "Phase 3: Core" is a part of that phase, not a phase of its own.
   */
  static OpenSection of(
      int level, String text, String anchor, int line, Predicate<String> phaseOpen) {
    String plain = PlainText.stripDecoration(text);
    OpenSection o = new OpenSection(level, text, plain, anchor, line);
    // The heading patterns are (?i) for ASCII letters: a word missing from this form of the heading
    // cannot match, and most headings are none of these kinds.
    String lower = PlainText.asciiLower(plain);
    Matcher unit = lower.startsWith("unit") ? UNIT_HEADING.matcher(plain) : null;
    Matcher phase = lower.contains("phase") ? PHASE_HEADING.matcher(plain) : null;
    if (unit != null && unit.matches()) {
      String title = unit.group(2) == null ? "" : unit.group(2).strip();
      o.unit = new Doc.UnitHeading(unit.group(1), title, level, anchor, line, 0);
    } else if (phase != null
        && phase.matches()
        // With a separator ("Phase 2: Download Links" under spec-kit's "Phase 2: Implementation
        // Strategy") it is a phase of its own.
        && !(phase.group(2).isEmpty() && phaseOpen.test(phase.group(1)))) {
      o.phaseNumber = phase.group(1);
      o.phaseName = phase.group(3).strip();
      Matcher when = PHASE_DURATION.matcher(o.phaseName);
      if (when.find()) {
        // "Phase 4: Flask Compatibility (Week 3)": its estimate, first as for the duration fields.
        o.duration = when.group(1);
        o.phaseName = o.phaseName.substring(0, when.start()).strip();
      }
    } else {
      o.refDirection = Labels.sectionDirection(plain);
      o.things = o.refDirection == null && Labels.sectionOfThings(plain);
      o.order = OrderText.isOrderHeading(plain);
    }
    o.stage = lower.contains("stage") && STAGE_HEADING.matcher(plain).matches();
    o.verification =
        (lower.startsWith("automated") || lower.startsWith("manual"))
            && VERIFICATION_HEADING.matcher(plain).matches();
    Matcher status =
        lower.contains("status") ? STATUS_HEADING.matcher(Fields.withoutAnchor(plain)) : null;
    if (status != null
        && status.matches()
        && level > 1
        && o.unit == null
        && o.phaseNumber == null) {
      o.statusAfter = status.group(1) == null ? "" : status.group(1).strip();
      o.meta = o.statusAfter.isBlank();
    }
    o.meta |= Fields.metadataHeading(plain);
    o.files = Extras.filesHeading(lower, plain);
    o.urls = Extras.urlsHeading(lower, plain);
    o.risks = Extras.risksHeading(lower, plain) && o.phaseNumber == null;
    return o;
  }

  /** Fields inside a phase that give its goal and its duration estimate (seed 003's form). */
  private static final List<String> GOAL_KEYS = List.of("goal", "phase goal", "objective");

  private static final List<String> DURATION_KEYS =
      List.of("duration", "duration estimate", "estimated duration", "estimate", "time estimate");

  /** Takes a field written inside this phase: its first goal and duration estimate. */
  void phaseField(Field f) {
    if (f.value().isEmpty()) {
      return;
    }
    String key = f.key().toLowerCase(Locale.ROOT);
    if (GOAL_KEYS.contains(key) && goal.isEmpty()) {
      goal = f.value();
    } else if (DURATION_KEYS.contains(key) && duration.isEmpty()) {
      duration = f.value();
    }
  }

  /** A field as read in the section {@code top} (null before the first heading). */
  static Doc.ScopedField scoped(Field f, OpenSection top) {
    return top == null
        ? new Doc.ScopedField(f, 0, 0, false)
        : new Doc.ScopedField(f, top.line, top.level, top.meta);
  }

  /** The section as the plan's outline shows it, with the boxes counted in it. */
  Section section() {
    return new Section(level, Fields.withoutAnchor(text), anchor, line, new Progress(done, total));
  }

  /** The phase this section is ({@link #phaseNumber} set), of the file {@code source}. */
  Phase phase(String source) {
    return new Phase(
        source,
        phaseNumber,
        phaseName,
        level,
        anchor,
        line,
        new Progress(done, total),
        goal,
        duration);
  }

  /** Closes the section at the line before the next heading of its level or above. */
  void close(int endLine) {
    this.endLine = Math.max(line, endLine);
    if (unit != null) {
      unit = new Doc.UnitHeading(unit.id(), unit.title(), level, anchor, line, this.endLine);
    }
  }
}
