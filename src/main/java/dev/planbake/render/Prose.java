package dev.planbake.render;

import dev.planbake.model.Document;
import dev.planbake.model.Html;
import dev.planbake.model.Plan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The opening prose of a plan for the search index: the sentences of its first paragraphs as
 * written (case, punctuation and all), so that a result's snippet shows the text the author wrote
 * and a quoted phrase can be found in it. Repeated sentences appear once. A scan with {@code
 * indexOf} and a hand-written loop: regular expressions over every page's HTML cost more than the
 * rest of the index together.
 */
final class Prose {
  /** How much paragraph HTML is read per plan: the opening prose says what a plan is about. */
  static final int SCAN_CHARS = 2000;

  /** Sentences gathered per plan before the common ones are dropped, in characters. */
  static final int CANDIDATE_CHARS = 3 * SearchIndex.BODY_CHARS;

  /** How much of a document's HTML is inflated first for its sentences. */
  private static final int HEAD_BYTES = 16 * 1024;

  private Prose() {}

  /** The distinct sentences of the plan's first paragraphs, in order. */
  static List<String> sentences(Plan plan) {
    Set<String> out = new LinkedHashSet<>();
    int[] budget = {SCAN_CHARS};
    for (Document d : plan.documents()) {
      if (chars(out) >= CANDIDATE_CHARS || budget[0] <= 0) {
        break;
      }
      // Most documents need only their first kilobytes inflated. A scan that runs off the end of
      // a cut text starts again on all of it.
      Html html = d.body();
      Set<String> attempt = new LinkedHashSet<>(out);
      int[] tried = budget.clone();
      if (!paragraphs(html.head(HEAD_BYTES), attempt, tried) && html.length() > HEAD_BYTES) {
        attempt = new LinkedHashSet<>(out);
        tried = budget.clone();
        paragraphs(html.text(), attempt, tried);
      }
      out = attempt;
      budget = tried;
    }
    return new ArrayList<>(out);
  }

  private static int chars(Set<String> sentences) {
    int n = 0;
    for (String s : sentences) {
      n += s.length() + 1;
    }
    return n;
  }

  /**
   * Adds the sentences of the paragraphs of {@code html} to {@code into}, until the budget of
   * characters or of candidates is spent.
   *
   * @return whether the scan stopped for the budget or the candidates, not at the end of the text
   */
  private static boolean paragraphs(String html, Set<String> into, int[] budget) {
    int at = 0;
    int gathered = chars(into);
    while (gathered < CANDIDATE_CHARS && budget[0] > 0) {
      int start = html.indexOf("<p>", at);
      int end = start < 0 ? -1 : html.indexOf("</p>", start);
      if (end < 0) {
        return false;
      }
      if (fields(html, start + 3, end)) {
        at = end + 4;
        continue;
      }
      end = Math.min(end, start + 3 + budget[0]);
      budget[0] -= end - start - 3;
      for (String s : split(text(html, start + 3, end))) {
        if (gathered < CANDIDATE_CHARS && into.add(s)) {
          gathered += s.length() + 1;
        }
      }
      at = end + 4;
    }
    return true;
  }

  /**
   * Whether the paragraph {@code html[from, to)} is a block of metadata lines ("<b>Status</b>:
   * Shipped", "<b>Owner</b>: Priya"): each line starts with a bold key and a colon. The page shows
   * those fields already; as prose they would fill the snippet.
   */
  static boolean fields(String html, int from, int to) {
    int line = from;
    while (line < to) {
      while (line < to && Character.isWhitespace(html.charAt(line))) {
        line++;
      }
      int close = html.indexOf("</strong>:", line);
      if (!html.startsWith("<strong>", line) || close < 0 || close > Math.min(to, line + 48)) {
        return false;
      }
      int br = html.indexOf("<br", close);
      if (br < 0 || br >= to) {
        return true;
      }
      int after = html.indexOf('>', br);
      line = after < 0 ? to : after + 1;
    }
    return true;
  }

  /** The text of {@code html[from, to)}: tags dropped, character references read, spaces one. */
  static String text(String html, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    boolean references = false;
    boolean space = true;
    for (int i = from; i < to; i++) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        i = close < 0 || close >= to ? to : close;
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
        continue;
      }
      references |= c == '&';
      out.append(c);
      space = false;
    }
    String s = out.toString().strip();
    return references ? Parser.unescapeEntities(s, false) : s;
  }

  /**
   * The sentences of a paragraph: cut after {@code .}, {@code !} or {@code ?} and a space, but not
   * after an abbreviation ("e.g. the", "etc. and", "A. Smith").
   */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 1; i + 1 < text.length(); i++) {
      char c = text.charAt(i - 1);
      if (text.charAt(i) == ' '
          && (c == '!' || c == '?' || c == '.' && !abbreviation(text, i - 1))) {
        out.add(text.substring(from, i));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of("etc", "vs", "cf", "approx", "incl", "no", "mr", "mrs", "ms", "dr", "st", "fig");

  /** Whether the dot at {@code dot} ends an abbreviation rather than a sentence. */
  private static boolean abbreviation(String text, int dot) {
    int start = text.lastIndexOf(' ', dot) + 1;
    String word = text.substring(start, dot);
    return word.length() <= 1
        || word.indexOf('.') >= 0
        || ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }
}
