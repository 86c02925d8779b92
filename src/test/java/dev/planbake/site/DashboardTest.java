package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An honest headline and a dashboard that fits (issue 26 items 3 and 4): plans and units done as
 * well as tasks; a done unit with unticked boxes and an open one with every box ticked marked as
 * such; each list cut to its first rows with a link to all of them; authors' problems on their own
 * page.
 */
class DashboardTest {
  @TempDir Path tmp;
  private TestSite site;

  @BeforeEach
  void build() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      text.append("=== ready-")
          .append(i)
          .append(".md ===\n# Ready ")
          .append(i)
          .append("\n\n**Owner**: Ana\n\n- [ ] one\n");
    }
    text.append(
        """
        === shipped.md ===
        ---
        status: done
        ---
        # Shipped

        - [x] one
        - [ ] two
        === ticked.md ===
        ---
        status: in progress
        ---
        # Ticked

        - [x] one
        - [x] two
        === half.md ===
        # Half

        - [x] one
        - [ ] two
        - [ ] three
        === finished.md ===
        # Finished

        - [x] one
        === notes.md ===
        # Notes

        Just notes.
        """);
    site = TestSite.of(tmp, text.toString());
    site.build();
  }

  private Document page(String path) {
    return site.page(path);
  }

  @Test
  void theHeadlineCountsPlansAndUnitsDoneBesideTheTicks() throws IOException {
    // 16 plans with work (notes.md has none): shipped and finished are done; 5 of 20 boxes ticked.
    assertEquals(
        "2 of 16 plans done · 2 of 16 units done · 25% of tasks ticked (5 of 20)",
        page("index.html").selectFirst(".headline").text());
  }

  @Test
  void aStatusAndBoxesThatDisagreeAreMarkedWhereverTheUnitIsListed() throws IOException {
    Document dash = page("index.html");
    Element inProgress = dash.getElementById("pb-progress").parent();
    // The one whose boxes are all ticked comes after the one still under way, and says so.
    List<String> rows = inProgress.select("li").eachText();
    assertEquals(2, rows.size(), rows.toString());
    assertTrue(rows.get(0).startsWith("Half"), rows.toString());
    assertTrue(rows.get(1).startsWith("Ticked all 2 boxes ticked"), rows.toString());
    assertEquals(
        "✓ Done 1 of 2 boxes unticked",
        page("status/done/index.html").select("tr:has(a[href$=shipped/]) td:eq(1)").text());
    assertEquals(
        "⚠ Done, but 1 of 2 boxes unticked: tick them or change the status.",
        page("plans/shipped/index.html").select(".plan-main > .notice").text());
    assertEquals(
        "⚠ In progress, but all 2 boxes ticked: is it finished?",
        page("plans/ticked/index.html").select(".plan-main > .notice").text());
  }

  @Test
  void eachListShowsTenRowsAndLinksToAllOfThem() throws IOException {
    Element ready = page("index.html").getElementById("pb-ready").parent();
    assertAll(
        () -> assertEquals("12", ready.selectFirst(".pill").text()),
        () -> assertEquals(10, ready.select("ul > li").size()),
        () -> assertEquals("All 12 ready units →", ready.selectFirst(".all-link").text()),
        () -> assertEquals("./status/ready/", ready.selectFirst(".all-link a").attr("href")),
        () -> assertTrue(ready.selectFirst("li").text().contains("· Ana"), ready.text()),
        () -> assertEquals(12, page("status/ready/index.html").select("tbody tr").size()));
  }

  @Test
  void authorsProblemsAreOnTheirOwnPageLinkedWithTheirCount() throws IOException {
    Document dash = page("index.html");
    // Two units whose status and boxes disagree, and the warning `check` gives for the first.
    Element link = dash.selectFirst("a.problems-link");
    assertEquals("./problems/", link.attr("href"));
    Document problems = page("problems/index.html");
    int total = Integer.parseInt(problems.selectFirst("h1 .pill").text());
    assertTrue(link.text().contains(total + " problems"), link.text());
    assertEquals(
        List.of("Shipped ✓ Done 1 of 2 boxes unticked", "Ticked ◐ In progress all 2 boxes ticked"),
        problems.select("#pb-contradictions + p + ul > li").eachText());
    assertTrue(problems.select(".problems li").text().contains("shipped.md:"), problems.text());
    assertTrue(dash.select(".problems, .sev").isEmpty(), "no messages on the dashboard");
  }
}
