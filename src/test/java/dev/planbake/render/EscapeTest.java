package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one escaper of pages, SVG and templates. */
class EscapeTest {

  @Test
  void markupBecomesReferencesAndPlainTextIsReturnedAsItIs() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Escape.xml("a <b> & \"c\" 'd'"));
    String plain = "Tomás · café";
    assertSame(plain, Escape.xml(plain), "Latin-1 text needs no copy");
  }

  @Test
  void beyondLatin1IsOneNumericReferencePerCharacter() {
    assertEquals("&#8212; &#8594;", Escape.xml("— →"));
    // A character outside the BMP is one reference to its code point, not two to its halves.
    assertEquals("go &#128640;!", Escape.xml("go \uD83D\uDE80!"));
    assertEquals("&#65533;x&#65533;", Escape.xml("\uD83Dx\uDE80"));
  }

  @Test
  void controlCharactersAreDroppedButLineBreaksAndTabsKept() {
    assertEquals("ab\n\tc", Escape.xml("a\u0000b\n\t\u001Bc"));
  }

  @Test
  void templatesUseItForEveryValueTheyPrint(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "rocket.md",
            "---\ntitle: \"Café <b>launch</b> — \uD83D\uDE80\"\n---\n# Rocket\n\n- [ ] go\n");
    site.build();
    Path page = site.out().resolve("plans/rocket/index.html");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("Café &lt;b&gt;launch&lt;/b&gt; &#8212; &#128640;"), html);
    assertFalse(html.contains("&#55357;"), "no reference to half a surrogate pair");
    assertEquals("Café <b>launch</b> — \uD83D\uDE80", Jsoup.parse(html).selectFirst("h1").text());
  }
}
