package dev.planbake.parse;

import dev.planbake.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's own status legend: the words it uses for status and what each means, as in
 *
 * <pre>
 * ## Status Legend
 * - PENDING: Not started
 * - IMPLEMENTED: Code complete, needs verification
 * - VERIFIED: Tests pass, ready for merge
 * </pre>
 *
 * or on one line, {@code **Legend:** ✅ Complete | ⚠️ Partial (needs review) | 🔲 Pending}. Each
 * word means what its description says (IMPLEMENTED above is review, not done), and that meaning
 * wins over the global word list for the file that writes the legend. Entries whose word and
 * description name no status (a diagram's colours) are left out.
 */
record Legend(List<Entry> entries) {
  static final Legend NONE = new Legend(List.of());

  /** One word of a legend, its emoji ("" if none), the status it means and its line. */
  record Entry(String word, String emoji, Status status, int line) {}

  /** "## Status Legend", "#### Status legend {#status-legend}", "### Legend", "## Status Key". */
  private static final Pattern HEADING =
      Pattern.compile("(?i)^\\s{0,3}#{1,6}\\s+(?:(?:status\\s+)?legend|status\\s+key)\\b.*$");

  /** "**Legend:**", "Status Legend:", "**Status key**:" followed by entries or by nothing. */
  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)^\\s*(?:\\*\\*|__)?(?:status\\s+legend|legend|status\\s+key)\\s*(?:\\*\\*|__)?\\s*:"
              + "\\s*(?:\\*\\*|__)?\\s*(.*)$");

  /**
   * One entry: an optional bullet, emoji and bold, one to three words, then a separator and the
   * description; or the words and a description in brackets ("Partial (needs review)").
   */
  private static final Pattern ENTRY =
      Pattern.compile(
          "^\\s*(?:[-*+]\\s+)?(?<emoji>[^\\p{L}\\p{N}\\s*_`|]{1,4}\\s*)?(?:\\*\\*|__|`)?"
              + "(?<word>\\p{L}[\\p{L}'’-]*(?:[ -]\\p{L}[\\p{L}'’-]*){0,2})"
              + "(?:\\*\\*|__|`)?\\s*(?:(?:[:=]|\\s[-—–]|—|–)\\s*(?<desc>.*)|\\((?<paren>[^)]*)\\)\\s*)?$");

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
  private static final Pattern OTHER_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s");

  /**
   * What a legend's description says, in the order the checks run: "Code complete, needs
   * verification" is review before it is complete, "Cannot start due to dependency" blocked before
   * "start".
   */
  private static final List<Meaning> MEANINGS =
      List.of(
          new Meaning(
              Status.CANCELLED,
              "\\bwill not\\b|\\bwon['’]?t\\b|\\bwontfix\\b|\\bnot a feature\\b|\\bout of scope\\b"
                  + "|\\babandon|\\bcancel|\\bdropped\\b|\\bskipped\\b|\\brejected\\b"),
          new Meaning(
              Status.BLOCKED,
              "\\bblocked\\b|\\bcannot start\\b|\\bcan['’]?t start\\b|\\bwaiting (?:on|for)\\b"
                  + "|\\bon hold\\b"),
          new Meaning(
              Status.REVIEW,
              "\\bneeds? (?:\\w+ )?(?:verification|review|testing|qa)\\b"
                  + "|\\bready (?:for|to) (?:merge|review|qa)\\b|\\b(?:awaiting|pending|under|in)"
                  + " (?:review|verification|qa)\\b|\\bto be (?:verified|reviewed)\\b"),
          new Meaning(
              Status.PLANNED,
              "\\bnot (?:yet )?(?:started|begun)\\b|\\bto ?do\\b|\\bready to start\\b|\\bplanned\\b"
                  + "|\\bqueued\\b|\\bbacklog\\b|\\bnot yet\\b"),
          new Meaning(
              Status.IN_PROGRESS,
              "\\bbeing (?:worked on|implemented|built|done)\\b|\\bin progress\\b|\\bunderway\\b"
                  + "|\\bworking on\\b|\\bongoing\\b|\\bpartial(?:ly)?\\b|\\bstarted\\b"),
          new Meaning(
              Status.DONE,
              "\\bcomplete[d]?\\b|\\bdone\\b|\\bmerged\\b|\\bshipped\\b|\\bfinished\\b|\\blanded\\b"
                  + "|\\breleased\\b|\\bdeployed\\b"));

  private record Meaning(Status status, Pattern pattern) {
    Meaning(Status status, String regex) {
      this(status, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
  }

  /** The legend of a plan's body (front matter already blanked), outside code blocks. */
  static Legend read(String body) {
    // Every heading and label of a legend names a "legend" or a "status key" (ASCII case): most
    // plans have neither word, and are not read line by line with the patterns.
    if (!PlainText.containsIgnoreCase(body, "legend")
        && !PlainText.containsIgnoreCase(body, "key")) {
      return NONE;
    }
    return readLines(body);
  }

  /** {@link #read} line by line, for every body. */
  static Legend readLines(String body) {
    String[] lines = body.split("\n", -1);
    List<Entry> out = new ArrayList<>();
    boolean fenced = false;
    boolean underHeading = false;
    boolean afterLabel = false;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (FENCE.matcher(l).find()) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      if (OTHER_HEADING.matcher(l).find()) {
        underHeading = HEADING.matcher(l).matches();
        afterLabel = false;
        continue;
      }
      Matcher label = LABEL.matcher(l);
      if (label.matches()) {
        afterLabel = true;
        for (String part : label.group(1).split("\\|")) {
          entry(part, i + 1, out);
        }
        continue;
      }
      if (l.isBlank()) {
        // A label's entries end at the first blank line after them; a heading's run to the next.
        if (afterLabel
            && i > 0
            && !lines[i - 1].isBlank()
            && !LABEL.matcher(lines[i - 1]).matches()) {
          afterLabel = false;
        }
        continue;
      }
      if (underHeading || afterLabel) {
        entry(l, i + 1, out);
      }
    }
    return out.isEmpty() ? NONE : new Legend(List.copyOf(out));
  }

  private static void entry(String text, int line, List<Entry> out) {
    Matcher m = ENTRY.matcher(text.strip().replaceAll("\\s{2,}$", ""));
    if (!m.matches()) {
      return;
    }
    String word = m.group("word").strip();
    String desc = m.group("desc") != null ? m.group("desc") : m.group("paren");
    Optional<Status> s = meaning(desc == null ? "" : desc);
    if (s.isEmpty()) {
      s = StatusWords.of(word);
    }
    if (s.isPresent()) {
      String emoji = m.group("emoji") == null ? "" : m.group("emoji").strip();
      out.add(new Entry(word.toLowerCase(Locale.ROOT), emoji, s.get(), line));
    }
  }

  /** What a description says a word means, if it says. */
  static Optional<Status> meaning(String description) {
    for (Meaning m : MEANINGS) {
      if (m.pattern().matcher(description).find()) {
        return Optional.of(m.status());
      }
    }
    return Optional.empty();
  }

  /**
   * The status a written value names by this legend: the legend word that comes first in it, else a
   * legend emoji in it; empty when the value uses none of the legend's words.
   */
  Optional<Status> of(String value) {
    if (entries.isEmpty() || value == null) {
      return Optional.empty();
    }
    String v = value.toLowerCase(Locale.ROOT);
    Entry first = null;
    int at = Integer.MAX_VALUE;
    for (Entry e : entries) {
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.word()) + "(?![\\p{L}\\p{N}])")
              .matcher(v);
      if (m.find() && m.start() < at) {
        first = e;
        at = m.start();
      }
    }
    if (first == null) {
      for (Entry e : entries) {
        if (!e.emoji().isEmpty() && v.contains(e.emoji())) {
          return Optional.of(e.status());
        }
      }
      return Optional.empty();
    }
    return Optional.of(first.status());
  }
}
