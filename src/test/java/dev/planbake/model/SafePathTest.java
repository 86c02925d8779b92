package dev.planbake.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SafePathTest {
  @Test
  void theShortcutForSafeNamesGivesWhatTheRulesGive() {
    Random r = new Random(11);
    String alphabet = "ab01.-_-A /:#éCON";
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(12); i >= 0; i--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertEquals(SafePath.byRules(text), SafePath.segment(text), text);
    }
    for (String text : new String[] {"1.0", "001-user-auth", "con", "nul.md", "a".repeat(71)}) {
      assertEquals(SafePath.byRules(text), SafePath.segment(text), text);
    }
  }

  @Test
  void slugsKeepLatinLettersWithoutTheirAccents() {
    assertEquals("uber-die-brucke", SafePath.slug("Über die Brücke"));
    assertEquals("strasse-smorrebrod-oeuvre", SafePath.slug("Straße · smørrebrød — œuvre"));
    assertEquals("lodz-reykjavik-thorsdottir", SafePath.slug("Łódź, Reykjavík: Þórsdóttir"));
    assertEquals("file-2", SafePath.slug("ﬁle ２"));
    assertEquals("a-b", SafePath.slug("--a__b--"));
    assertEquals("", SafePath.slug("план"));
    assertEquals("id-ecole", SafePath.segment("ID École").replaceFirst("-[0-9a-f]{8}$", ""));
  }

  @Test
  void featureFoldersAreANumberADashAndAName() {
    assertTrue(SafePath.isFeatureFolder("001-user-auth"));
    assertTrue(SafePath.isFeatureFolder("1024-Big_Feature.v2"));
    assertFalse(SafePath.isFeatureFolder("01-setup"));
    assertFalse(SafePath.isFeatureFolder("cache"));
    assertFalse(SafePath.isFeatureFolder("001-"));
  }
}
