package dev.planbake.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title a GSD plan gives itself: the first sentence of its {@code <objective>} block, as in
 *
 * <pre>
 * &lt;objective&gt;
 * Build the bulletin board REST API for cross-device factor transfer.
 *
 * Purpose: ...
 * &lt;/objective&gt;
 * </pre>
 *
 * A sentence longer than {@link #MAX} characters is cut at its first colon, comma or dash
 * ("Implement the Go API for pausing and resuming DAG execution: standalone …" is "Implement the Go
 * API for pausing and resuming DAG execution"), else at a word.
 */
final class Objective {
  private Objective() {}

  static final int MAX = 140;

  private static final Pattern BLOCK =
      Pattern.compile("(?m)^[ \\t]*<objective>[ \\t]*$\\n((?:.*\\n)*?)[ \\t]*</objective>");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)");
  private static final Pattern DANGLING = Pattern.compile("[\\s+,;:&—–-]+$");
  private static final Pattern CLAUSE_END = Pattern.compile("[:,]\\s|\\s[—–-]\\s");

  /** The objective's first sentence, without its full stop; "" when there is no objective. */
  static String title(String body) {
    if (!body.contains("<objective>")) {
      return "";
    }
    Matcher m = BLOCK.matcher(body);
    if (!m.find()) {
      return "";
    }
    String first = "";
    for (String line : m.group(1).split("\n")) {
      if (!line.isBlank()) {
        first = PlainText.stripDecoration(line.strip()).strip();
        break;
      }
    }
    Matcher end = SENTENCE_END.matcher(first);
    String sentence = end.find() ? first.substring(0, end.start()) : first;
    if (sentence.length() <= MAX) {
      return sentence.strip();
    }
    Matcher clause = CLAUSE_END.matcher(sentence);
    if (clause.find() && clause.start() >= 20 && clause.start() <= MAX) {
      return sentence.substring(0, clause.start()).strip();
    }
    int cut = sentence.lastIndexOf(' ', MAX - 1);
    String head = sentence.substring(0, cut > 20 ? cut : MAX - 1);
    return DANGLING.matcher(head).replaceFirst("") + "…";
  }
}
