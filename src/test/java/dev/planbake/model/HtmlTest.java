package dev.planbake.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void givesBackExactlyTheHtmlItWasMadeOf() {
    for (String s :
        new String[] {
          "",
          "<p>plain</p>",
          "<h2 id=\"a\">Ünïcödé — ✓ 漢字 🚀</h2>\n<p>x</p>",
          "<li>" + "task ".repeat(20_000) + "</li>"
        }) {
      assertEquals(s, Html.of(s).text());
      assertEquals(s, Html.of(s, false).text());
    }
  }

  @Test
  void headIsAPrefixThatNeverCutsACharacterInTwo() {
    headNeverCutsACharacter(true);
    headNeverCutsACharacter(false);
  }

  private static void headNeverCutsACharacter(boolean packed) {
    String s = "<p>a✓🚀é</p>"; // 1, 3, 4 and 2 bytes after "<p>a"
    Html h = Html.of(s, packed);
    assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, h.length());
    assertEquals(s, h.head(h.length()));
    assertEquals(s, h.head(Integer.MAX_VALUE));
    assertEquals("", h.head(0));
    assertEquals("<p>a", h.head(4));
    assertEquals("<p>a", h.head(5), "the check mark's 3 bytes do not fit in 5");
    assertEquals("<p>a", h.head(6));
    assertEquals("<p>a✓", h.head(7));
    assertEquals("<p>a✓", h.head(10), "the rocket's 4 bytes do not fit");
    assertEquals("<p>a✓🚀", h.head(11));
    for (int n = 0; n <= h.length(); n++) {
      assertTrue(s.startsWith(h.head(n)), "head(" + n + ") is a prefix");
    }
  }

  @Test
  void isEqualWhenTheHtmlIsEqual() {
    assertEquals(Html.of("<p>a</p>"), Html.of("<p>a</p>"));
    assertEquals(Html.of("<p>a</p>").hashCode(), Html.of("<p>a</p>").hashCode());
    assertNotEquals(Html.of("<p>a</p>"), Html.of("<p>b</p>"));
    // Kept deflated or not, the same HTML is the same.
    assertEquals(Html.of("<p>a</p>", true), Html.of("<p>a</p>", false));
    assertEquals(Html.of("<p>a</p>", false), Html.of("<p>a</p>", true));
    assertEquals(Html.of("<p>a</p>", true).hashCode(), Html.of("<p>a</p>", false).hashCode());
    assertNotEquals(Html.of("<p>a</p>", true), Html.of("<p>b</p>", false));
  }

  @Test
  void isDeflatedOnlyWhenTheSitesHtmlWouldTakeAnEighthOfTheHeap() {
    long mb = 1 << 20;
    // 10,000 generated plans: 35 MB of Markdown.
    assertFalse(Html.worthPacking(35 * mb, 512 * mb));
    assertFalse(Html.worthPacking(35 * mb, 6144 * mb));
    // 100,000 plans: 350 MB of Markdown, in a 2 GB heap.
    assertTrue(Html.worthPacking(350 * mb, 2048 * mb));
    assertTrue(Html.worthPacking(100 * mb, 1024 * mb));
  }

  @Test
  void takesLessSpaceThanTheHtml() {
    String page = "<tr><td>Unit 1.0</td><td>in progress</td></tr>\n".repeat(200);
    assertTrue(Html.of(page).packedSize() < page.length() / 5, "deflated to under a fifth");
    assertEquals(page.length(), Html.of(page, false).packedSize(), "kept as it is");
  }
}
