package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * The hand-written replacements of patterns and the checks that skip patterns give what the
 * patterns give, on tricky and on random text.
 */
class FastPathsTest {
  private static final String[] PIECES = {
    " ",
    "  ",
    "\t",
    "\r",
    "\n",
    "\u000B",
    "\f",
    "\u00A0",
    "\u2028",
    ":",
    "::",
    "*",
    "**",
    "_",
    "__",
    "`",
    "\\",
    "-",
    "+",
    ">",
    "#",
    "1",
    "12",
    ".",
    ")",
    "|",
    "[",
    "]",
    "(",
    "](",
    "[ ]",
    "[x]",
    "[X]",
    "a",
    "Z",
    "—",
    "İ",
    "K",
    "ß",
    "✅",
    "unit",
    "Units",
    "UNIT",
    "s",
    "1.2",
    "depends on",
    "Requires",
    "Blocked",
    "see also",
    "needs",
    "after",
    "fut",
    "Unİt",
    "x.md",
    "link](u)",
    "@",
    "&",
    "&#64;",
    "&commat;",
    "&#58;",
    "://",
    ":\\/",
    "http",
    "x.org",
    "www",
    "WwW",
    "www.",
    "\\.",
    "<",
    "a@b.co",
    "mailto:",
    "->",
    "-->",
    "<--",
    "==>",
    "→",
    "⟶",
    "⇒",
    "Legend",
    "status key",
    "KEY",
    "## "
  };

  private static List<String> samples() {
    List<String> out = new ArrayList<>(List.of(PIECES));
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void handWrittenTextFunctionsMatchThePatterns() {
    Pattern spaces = Pattern.compile("\\s+");
    for (String s : samples()) {
      assertEquals(
          s.replaceAll("[*_]{2,}", "").replaceAll("\\s*:+\\s*$", "").strip(),
          PlainText.stripDecoration(s),
          s);
      assertEquals(spaces.matcher(s).replaceAll(" "), PlainText.collapseSpaces(s), s);
      Matcher task = PlainText.TASK_PREFIX.matcher(s);
      assertEquals(task.find() ? task.end() : 0, PlainText.taskPrefixEnd(s), s);
      String v = s.replaceAll("\\s{2,}$", "").replaceFirst("\\\\$", "").strip();
      v = v.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
      v = v.replaceAll("(\\*\\*|__|`)", "").strip();
      assertEquals(v, PlainText.cleanValue(s), s);
    }
  }

  @Test
  void documentsSkippingAutolinksRenderAsWithThem() {
    Parser with = Parser.builder().extensions(Markdown.EXTENSIONS).build();
    Parser without =
        Parser.builder()
            .extensions(
                Markdown.EXTENSIONS.stream()
                    .filter(e -> !(e instanceof AutolinkExtension))
                    .toList())
            .build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(Markdown.EXTENSIONS).build();
    int skipped = 0;
    int linked = 0;
    for (String s : samples()) {
      if (!html.render(with.parse(s)).equals(html.render(without.parse(s)))) {
        linked++;
        assertTrue(Markdown.mayAutolink(s), s);
      }
      skipped += Markdown.mayAutolink(s) ? 0 : 1;
    }
    assertTrue(linked > 100, "samples autolink finds links in: " + linked);
    assertTrue(skipped > 10_000, "samples it is skipped for: " + skipped);
  }

  @Test
  void checksThatSkipPatternsNeverSkipAMatch() {
    for (String s : samples()) {
      String rest = Labels.LEAD.matcher(s).replaceFirst("");
      if (Labels.LABEL.matcher(rest).lookingAt()) {
        assertTrue(Labels.mayStartLabel(s), s);
      }
      if (Pattern.compile("(?i)\\bunits?\\s+\\d+\\.\\d").matcher(s).find()) {
        assertTrue(RefText.mayNameUnit(s), s);
        assertTrue(PlainText.containsIgnoreCase(s, "unit"), s);
        assertTrue(PlainText.containsIgnoreCase(new StringBuilder(s), "unit"), s);
      }
      boolean unitWord = Pattern.compile("(?i)unit").matcher(s).find();
      assertEquals(unitWord, PlainText.containsIgnoreCase(s, "unit"), s);
      assertEquals(unitWord, PlainText.containsIgnoreCase(new StringBuilder(s), "unit"), s);
    }
  }

  @Test
  void theArrowSearchFindsWhatTheArrowPatternFinds() {
    Pattern arrow = Pattern.compile("[→←↓↑⟶⇒]|-->|<--|==>|\\s->\\s");
    for (String s : samples()) {
      assertEquals(arrow.matcher(s).find(), Labels.hasArrow(s), s);
    }
  }

  @Test
  void aLegendIsReadLineByLineOnlyInBodiesThatNameOne() {
    for (String s : samples()) {
      for (String body :
          List.of(
              s + "\n- Done: complete\n",
              "## Status " + s + "\n- Done: complete\n- Todo: not started\n",
              "**" + s + ":** Done | Todo\n",
              "# Plan\n\n" + s + ":\n- DONE: merged\n\n- [ ] task\n")) {
        assertEquals(Legend.readLines(body), Legend.read(body), body);
      }
    }
  }
}
