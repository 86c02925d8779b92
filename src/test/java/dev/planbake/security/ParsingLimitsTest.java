package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader sees when a file goes over a parsing limit (docs/security.md, "Parsing limits"): a
 * warning at the file and line, and the part over the limit shown as the text it is, while the rest
 * of the file reads as usual.
 */
class ParsingLimitsTest {
  @Test
  void aParagraphOfMoreThan5000BracketsIsShownAsPlainText(@TempDir Path tmp) throws IOException {
    String brackets = "![[]()".repeat(3_000); // 6,000 `[`
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            "# A\n\nSee [the guide](https://example.com/guide).\n\n"
                + brackets
                + "\n\n- [ ] a task after it\n");
    Site.Result r = Site.build(site.settings());
    Element body = body(site);
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "a.md:5: warning: paragraph with 6,000 `[` shown as plain text: finding its"
                        + " links would take too long (limit: 5,000 `[` in one paragraph; the"
                        + " paragraphs of a file share that budget by their squares) (put long runs"
                        + " of brackets in a code block, or split the file)"),
                TestSite.lines(r)),
        () -> assertTrue(body.text().contains(brackets), "shown as written"),
        () -> assertEquals(1, body.select("a[href=https://example.com/guide]").size()),
        () -> assertEquals(1, r.repository().plans().get(0).progress().total()));
  }

  @Test
  void paragraphsShareTheBudgetByTheirSquares(@TempDir Path tmp) throws IOException {
    String paragraph = "[x](https://example.com) ".repeat(4_000);
    TestSite site =
        TestSite.of(tmp, "a.md", "# A\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + paragraph);
    Site.Result r = Site.build(site.settings());
    Element body = body(site);
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "a.md:5: warning: paragraph with 4,000 `[` shown as plain text (and 1 more"
                        + " after it): finding its links would take too long (limit:"
                        + " 5,000 `[` in one paragraph; the paragraphs of a file share that budget"
                        + " by their squares) (put long runs of brackets in a code block, or split"
                        + " the file)"),
                TestSite.lines(r)),
        // 4,000 squared fits in 5,000 squared once, not twice.
        // (The plain text's addresses are still links, as in any text: autolinks.)
        () ->
            assertEquals(
                4_000, body.select("a").stream().filter(a -> a.text().equals("x")).count()));
  }

  @Test
  void htmlNestedMoreThan100DeepIsShownAsText(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            "# A\n\nSome **bold** text.\n\n<div>\n"
                + "<b>".repeat(101)
                + "deep"
                + "</b>".repeat(101)
                + "\n</div>\n");
    Site.Result r = Site.build(site.settings());
    Element body = body(site);
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "a.md:5: warning: raw HTML nested more than 100 elements deep; this file's"
                        + " HTML is shown as text (close the elements you open, or put the HTML in"
                        + " a code block)"),
                TestSite.lines(r)),
        () -> assertTrue(body.text().contains("<div> <b><b><b>"), body.text()),
        () -> assertTrue(body.select("b").isEmpty()),
        () -> assertEquals("bold", body.selectFirst("strong").text()));
  }

  @Test
  void htmlNested100DeepWithVoidAndOptionalEndTagsIsCleanedAsUsual(@TempDir Path tmp)
      throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            "# A\n\n<div>\n"
                + "<p><br><img src=\"https://example.com/a.png\"><li><hr/>".repeat(500)
                + "<span>".repeat(99)
                + "deep"
                + "</span>".repeat(99)
                + "\n</div>\n");
    Site.Result r = Site.build(site.settings());
    Element body = body(site);
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(99, body.select("span").size()),
        () -> assertFalse(body.text().contains("<span>")));
  }

  /** The plan text of a.md's page. */
  private static Element body(TestSite site) {
    return site.page("plans/a/index.html").selectFirst("section.document");
  }
}
