package dev.planbake.parse;

import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Field;
import dev.planbake.model.Status;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Why a unit declared blocked is blocked, in its author's words: a {@code blocked_reason} or {@code
 * Blocked because} field, else the rest of the status line ({@code Status: Blocked — waiting on
 * legal}), else the text of its Status section, else a {@code Blocked by} field that is more than a
 * reference to other units. Read only for units declared blocked.
 */
final class BlockedReasons {
  /** A reason is shown in lists and status.json: a paragraph at most. */
  static final int MAX_LENGTH = 400;

  /** Leading marks before the words: emoji, bullets, brackets. */
  private static final Pattern LEADING_MARKS = Pattern.compile("^[^\\p{L}\\p{N}]+");

  /** A status word and its separator, when what follows it is the reason. */
  private static final Pattern STATUS_WORD =
      Pattern.compile(
          "^(?i:blocked|on[ -]hold|paused|stalled|waiting)\\s*(?:[:—–(,]|-+|\\.(?=\\s))\\s*");

  /** The status alone, with nothing after it worth showing. */
  private static final Pattern STATUS_ONLY =
      Pattern.compile("(?i)^(?:blocked|on[ -]hold|paused|stalled|waiting)[\\s.!)]*$");

  /** A value that only names other units or issues: {@code 3.1, Unit 2.0, #47}. */
  private static final Pattern ONLY_REFERENCES =
      Pattern.compile("(?i)^[\\s,;&#/.\\w-]*$|^(?:(?:units?|plans?|phase)\\b.*)$");

  private BlockedReasons() {}

  /**
   * {@code declared} with its reason, if it is blocked and a reason is written.
   *
   * @param in the lines of the unit's section (all lines for a whole-file unit)
   */
  static DeclaredStatus of(DeclaredStatus declared, Meta meta, Doc doc, IntPredicate in) {
    if (declared.status() != Status.BLOCKED) {
      return declared;
    }
    String byField = field(meta, doc, in, false);
    if (!byField.isEmpty()) {
      return declared.withReason(byField);
    }
    String rest = rest(declared.text());
    if (!rest.isEmpty()) {
      return declared.withReason(rest);
    }
    for (Doc.ScopedField sf : doc.statusTexts()) {
      if (in.test(sf.field().line())) {
        String text = rest(sf.field().value());
        if (!text.isEmpty()) {
          return declared.withReason(text);
        }
      }
    }
    return declared.withReason(field(meta, doc, in, true));
  }

  /** The first reason field, or with {@code blockedBy} the first descriptive Blocked-by field. */
  private static String field(Meta meta, Doc doc, IntPredicate in, boolean blockedBy) {
    for (Field f : meta.metadata().fields()) {
      String v = reasonField(f, blockedBy);
      if (!v.isEmpty()) {
        return v;
      }
    }
    for (Doc.ScopedField sf : doc.fields()) {
      if (in.test(sf.field().line())) {
        String v = reasonField(sf.field(), blockedBy);
        if (!v.isEmpty()) {
          return v;
        }
      }
    }
    return "";
  }

  private static String reasonField(Field f, boolean blockedBy) {
    String key = f.key().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    String value = f.value().strip();
    if (blockedBy) {
      boolean by = key.equals("blocked by") || key.equals("blocked on");
      return by && !ONLY_REFERENCES.matcher(value).matches() ? shorten(value) : "";
    }
    boolean reason =
        key.equals("blocked reason")
            || key.equals("blocked because")
            || key.equals("blocker")
            || key.equals("blockers")
            || key.equals("reason blocked");
    return reason ? shorten(value) : "";
  }

  /**
   * What a status text says besides the status: "Blocked: waiting on legal" gives "waiting on
   * legal"; "Blocked since 2026-05-14, ..." is kept as written; "🚧 Blocked" gives "".
   */
  static String rest(String text) {
    String t = LEADING_MARKS.matcher(text.strip()).replaceFirst("");
    if (t.isEmpty() || STATUS_ONLY.matcher(t).matches()) {
      return "";
    }
    t = STATUS_WORD.matcher(t).replaceFirst("");
    if (t.endsWith(")") && t.indexOf('(') < 0) {
      t = t.substring(0, t.length() - 1);
    }
    return shorten(t.strip());
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= MAX_LENGTH) {
      return oneLine;
    }
    int cut = oneLine.lastIndexOf(' ', MAX_LENGTH - 1);
    return oneLine.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
  }
}
