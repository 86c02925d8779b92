package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plan page says about the unit's state, built from small sites. */
class PlanPagesTest {
  @TempDir Path tmp;

  private static Document page(TestSite site, String slug) throws IOException {
    return Jsoup.parse(site.out().resolve("plans/" + slug + "/index.html").toFile(), "UTF-8");
  }

  @Test
  void anIssueNumberNoPlanDeclaresIsShownAsOutsideTheSiteNotHiddenBehindReady() throws IOException {
    // dimakrest's phase-3 plan: "Depends on: #48", an issue in GitHub, not a plan.
    TestSite site =
        TestSite.of(
            tmp,
            "phase-4.md",
            "# Phase 4 (#51)\n\n- [x] done\n",
            "phase-5.md",
            "# Phase 5\n\n> Depends on: #48, #51\n\n- [ ] next\n",
            "other.md",
            "# Other\n\n- [ ] open\n");
    site.build();
    Document doc = page(site, "phase-5");
    assertAll(
        () ->
            assertEquals(
                "▶ Ready: every plan it depends on is done; it also depends on #48, which is"
                    + " not a plan in this site.",
                doc.select(".notice-ready").text()),
        () ->
            assertEquals("Also #48: not a plan in this site.", doc.select(".deps p.muted").text()),
        () -> assertEquals(1, doc.select(".deps .unit-list li").size()));
    assertEquals(
        "▶ Ready: everything it depends on is done.",
        page(site, "other").select(".notice-ready").text());
  }
}
