package dev.planbake.parse;

import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of work as an execution-order section writes it, line by line: {@code Unit 1.2 ───
 * After 1.1}, {@code 1.3 → after 1.1, 1.2}, {@code Wave 2: 2.1, 2.2 (after wave 1)}, {@code 1.1 →
 * 1.2 → 1.3}; and an index's {@code **2. add-change-commands** (Depends on: add-zod-validation)},
 * which says who depends before what it depends on.
 */
final class OrderText {
  private OrderText() {}

  /** What one line says: {@code subjects} come after {@code after}. */
  record Order(List<Target> subjects, List<Target> after) {}

  /** Headings of a section that gives the order of work. */
  private static final Pattern ORDER_HEADING =
      Pattern.compile(
          "(?i)\\b(?:execution order|order of (?:work|execution|implementation)|sequencing"
              + "|implementation (?:order|sequence)|build order|work order)\\b");

  /** Box-drawing characters and emphasis that decorate an order line. */
  private static final Pattern DECORATION = Pattern.compile("[─━│┃├└┌┐┘┬┴┼═║╰╭*_`]+");

  private static final Pattern WAVE = Pattern.compile("(?i)^waves?\\s+(\\d+)\\s*[:.)—–-]?\\s*");
  private static final Pattern AFTER_WAVE = Pattern.compile("(?i)\\bwaves?\\s+(\\d+)");
  private static final Pattern VERB =
      Pattern.compile("(?i)\\b(?:after|depends on|requires|blocked by|needs)\\b\\s*:?");
  private static final Pattern ARROW = Pattern.compile("\\s*(?:→|⟶|-->|->|=>|⇒)\\s*");
  private static final Pattern UNIT_ID =
      Pattern.compile("(?i)(?<![\\w.])(?:units?\\s+)?(\\d+(?:\\.\\d+)+)(?![\\w]|\\.\\d)");

  /** A parenthesised label after the unit it speaks of: "X (Depends on: Y)". */
  private static final Pattern SUBJECT_LABEL =
      Pattern.compile(
          "(?i)^(.*?)\\(\\s*(?:depends on|requires|blocked by|after)\\s*:?\\s*([^)]*)\\)");

  static boolean isOrderHeading(String heading) {
    return ORDER_HEADING.matcher(heading).find();
  }

  /**
   * What a line of an execution-order section says, given the units of the waves read so far
   * (filled as waves are read).
   */
  static List<Order> read(String line, Map<String, List<Target>> waves) {
    String s = DECORATION.matcher(Labels.LEAD.matcher(line).replaceFirst("")).replaceAll(" ");
    Matcher wave = WAVE.matcher(s);
    if (wave.lookingAt()) {
      String rest = s.substring(wave.end());
      Matcher verb = VERB.matcher(rest);
      String own = verb.find() ? rest.substring(0, verb.start()) : rest;
      List<Target> units = ids(own);
      waves.put(wave.group(1), units);
      List<Target> after = new ArrayList<>();
      if (verb.find(0)) {
        String said = rest.substring(verb.end());
        Matcher earlier = AFTER_WAVE.matcher(said);
        while (earlier.find()) {
          after.addAll(waves.getOrDefault(earlier.group(1), List.of()));
        }
        after.addAll(ids(AFTER_WAVE.matcher(said).replaceAll(" ")));
      }
      return units.isEmpty() || after.isEmpty() ? List.of() : List.of(new Order(units, after));
    }
    Matcher verb = VERB.matcher(s);
    if (verb.find()) {
      List<Target> subjects = ids(s.substring(0, verb.start()));
      List<Target> after = ids(s.substring(verb.end()));
      return subjects.isEmpty() || after.isEmpty()
          ? List.of()
          : List.of(new Order(subjects, after));
    }
    String[] steps = ARROW.split(s);
    if (steps.length < 2) {
      return List.of();
    }
    List<Order> out = new ArrayList<>();
    List<Target> before = ids(steps[0]);
    for (int i = 1; i < steps.length && !before.isEmpty(); i++) {
      List<Target> now = ids(steps[i]);
      if (!now.isEmpty()) {
        out.add(new Order(now, before));
      }
      before = now;
    }
    return out;
  }

  /**
   * "**2. add-change-commands** (Depends on: add-zod-validation)": the unit the line speaks of and
   * what it depends on, or null if the line is not so or names no unit before its label.
   */
  static Order subjectLabel(String line) {
    if (line.indexOf('(') < 0) {
      return null;
    }
    Matcher m = SUBJECT_LABEL.matcher(Labels.LEAD.matcher(line).replaceFirst(""));
    if (!m.lookingAt()) {
      return null;
    }
    List<Target> subjects = new ArrayList<>();
    for (Target t : RefText.named(m.group(1))) {
      if (t.kind() != Kind.PATH && t.kind() != Kind.PHASE) {
        subjects.add(t);
      }
    }
    List<Target> after = RefText.labelTargets(m.group(2));
    return subjects.size() != 1 || after.isEmpty() ? null : new Order(subjects, after);
  }

  /** The unit ids of a piece of a line ("Unit 1.2", "1.1, 1.2"); else the names it holds. */
  private static List<Target> ids(String text) {
    List<Target> out = new ArrayList<>();
    Matcher m = UNIT_ID.matcher(text);
    while (m.find() && out.size() < IdList.MAX_RANGE) {
      out.add(new Target(Kind.UNIT, m.group(1)));
    }
    if (out.isEmpty() && !text.isBlank()) {
      for (Target t : RefText.named(text)) {
        if (t.kind() == Kind.NAME || t.kind() == Kind.FEATURE || t.kind() == Kind.ALIAS) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
