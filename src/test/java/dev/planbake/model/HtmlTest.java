package dev.planbake.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    }
  }

  @Test
  void isEqualWhenTheHtmlIsEqual() {
    assertEquals(Html.of("<p>a</p>"), Html.of("<p>a</p>"));
    assertEquals(Html.of("<p>a</p>").hashCode(), Html.of("<p>a</p>").hashCode());
    assertNotEquals(Html.of("<p>a</p>"), Html.of("<p>b</p>"));
  }

  @Test
  void takesLessSpaceThanTheHtml() {
    String page = "<tr><td>Unit 1.0</td><td>in progress</td></tr>\n".repeat(200);
    assertTrue(Html.of(page).packedSize() < page.length() / 5, "deflated to under a fifth");
  }
}
