package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browsing (issue 26 items 5 and 6): every plan and unit in one table at /plans/, a page per owner
 * and per tag, a page per status that links to every unit, and a header under each unit's heading
 * in a file of several units, with "Unit 5.1" in the text made a link.
 */
class AllPlansTest {
  @TempDir Path tmp;
  private TestSite site;

  @BeforeEach
  void build() {
    site =
        TestSite.of(
            tmp,
            """
            === api/auth.md ===
            ---
            owner: Ana Lima
            tags: [security, api]
            created: 2026-01-05
            updated: 2026-02-10
            ---
            # Auth

            - [x] one
            - [ ] two
            === api/old.md ===
            ---
            status: cancelled
            owner: Bo
            ---
            # Old
            === review.md ===
            ---
            status: review
            tags: [api]
            ---
            # In review

            - [x] one
            === readme.md ===
            # Readme

            Notes only.
            === reporting-units.md ===
            # Reporting

            **Owner**: Bo

            ## Unit 5.1: Aging report

            **Status**: done

            - [x] one

            ## Unit 5.2: Dashboard

            **Depends on**: Unit 5.1

            Builds on Unit 5.1, then Unit 9.9 (which is not a unit).

            - [ ] one
            """);
    site.build();
  }

  private Document page(String path) {
    return site.page(path);
  }

  @Test
  void allPlansListsEveryUnitWithoutJavaScriptAndOffersFilters() throws IOException {
    Document doc = page("plans/index.html");
    List<Element> rows = doc.select("#pb-plans tbody tr");
    assertEquals(
        List.of(
            "Auth", "Old", "Readme", "Unit 5.1 Aging report", "Unit 5.2 Dashboard", "In review"),
        rows.stream().map(r -> r.child(0).text()).toList());
    Element auth = rows.get(0);
    assertAll(
        () -> assertEquals("in-progress", auth.attr("data-status")),
        () -> assertEquals("ana-lima", auth.attr("data-owner")),
        () -> assertEquals("security api", auth.attr("data-tags")),
        () -> assertEquals("Ana Lima", auth.select("[data-label=Owner]").text()),
        () -> assertEquals("security api", auth.select("[data-label=Tags]").text()),
        () -> assertEquals("api/", auth.select("[data-label=Folder]").text()),
        () -> assertEquals("2026-01-05", auth.select("[data-label=Created]").text()),
        () -> assertEquals("2026-02-10", auth.select("[data-label=Updated]").text()));
    // The filters are hidden until the script shows them; their choices count rows.
    Element form = doc.getElementById("pb-filters");
    assertTrue(form.hasAttr("hidden"));
    assertEquals(
        List.of(
            "Any status",
            "In progress (1)",
            "Ready to start (1)",
            "In review (1)",
            "Done (1)",
            "Cancelled (1)",
            "No status (1)"),
        form.select("#pb-f-status option").eachText());
    assertEquals(
        List.of("Anyone", "Ana Lima (1)", "Bo (3)"), form.select("#pb-f-owner option").eachText());
    assertEquals(
        List.of("Any tag", "api (2)", "security (1)"), form.select("#pb-f-tag option").eachText());
  }

  @Test
  void ownersAndTagsHaveTheirPagesAndEveryStatusHasOne() throws IOException {
    assertEquals(
        List.of("Old", "Unit 5.1 Aging report", "Unit 5.2 Dashboard"),
        page("owners/bo/index.html").select("tbody tr > td:first-child").eachText());
    assertEquals(
        List.of("Auth", "In review"),
        page("tags/api/index.html").select("tbody tr > td:first-child").eachText());
    assertEquals(
        List.of("Readme"),
        page("status/none/index.html").select("tbody tr > td:first-child").eachText());
    for (String s : List.of("review", "cancelled", "planned", "draft", "blocked")) {
      assertTrue(Files.isRegularFile(site.out().resolve("status/" + s + "/index.html")), s);
    }
    // The dashboard links to every standing that has units, and the owners in its lists.
    Document dash = page("index.html");
    for (String s : List.of("in-progress", "ready", "review", "done", "cancelled", "none")) {
      assertEquals(1, dash.select(".counts a[href=./status/" + s + "/]").size(), s);
    }
    assertEquals("./owners/bo/", dash.select("#pb-ready ~ ul a.owner").attr("href"));
    // Its link to the table counts the table's rows: every unit, work or not.
    assertEquals("All 5 plans and 6 units", dash.selectFirst(".hero-links a").text());
  }

  @Test
  void aRepositoryOfOnePlanIsNotCalledAllOnePlans(@TempDir Path dir) {
    TestSite one = TestSite.of(dir, "only.md", "# Only\n\n- [ ] one\n");
    one.build();
    assertEquals(
        "The 1 plan and 1 unit", one.page("index.html").selectFirst(".hero-links a").text());
  }

  @Test
  void aUnitOfAFileOfSeveralGetsAHeaderWhereItsPermalinkLands() throws IOException {
    Document doc = page("plans/reporting-units/index.html");
    Element heading = doc.getElementById("unit-52-dashboard");
    Element head = heading.nextElementSibling();
    assertAll(
        () -> assertTrue(head.hasClass("unit-head"), head.outerHtml()),
        () ->
            assertEquals("▶ Ready to start · Owner Bo", head.selectFirst(".unit-head-meta").text()),
        () ->
            assertEquals(
                "Unit 5.1 Aging report ✓ Done 100%", head.select(".deps li").first().text()),
        () ->
            assertEquals("unit-51-aging-report", doc.getElementById("unit-51-aging-report").id()));
    // "Unit 5.1" in the text is a link to it; an unknown unit and the heading stay text.
    List<Element> refs = doc.select(".markdown a.unit-ref");
    assertEquals(List.of("Unit 5.1"), refs.stream().map(Element::text).distinct().toList());
    assertEquals("../../plans/reporting-units/#unit-51-aging-report", refs.get(0).attr("href"));
    assertTrue(doc.select(".markdown h2 a.unit-ref").isEmpty());
  }

  @Test
  void aPlanWithoutDatesShowsWhenGitFirstAndLastChangedIt(@TempDir Path dir) {
    GitRepo git = GitRepo.init(dir.resolve("repo"));
    git.write("plans/a.md", "# A\n\n- [ ] one\n").commit("Ann", "2026-01-05", "Plan A");
    git.write("plans/a.md", "# A\n\n- [x] one\n").commit("Cy", "2026-02-01", "Tick");
    git.write("plans/b.md", "---\ncreated: 2025-12-24\n---\n# B\n").commit("Bo", "2026-02-03", "B");
    TestSite built = TestSite.of(dir.resolve("site"), "x.md", "# X\n");
    Site.Result r = build(git.dir().resolve("plans"), built.out());
    assertEquals(0, r.errors(), r.toString());
    List<String> dates = new ArrayList<>();
    for (Element tr : built.page("plans/index.html").select("#pb-plans tbody tr")) {
      dates.add(
          tr.select("[data-label=Created]").text()
              + " "
              + tr.select("[data-label=Updated]").text());
    }
    // a.md states no dates: git's; b.md states its creation: its own, and git's last change.
    assertEquals(List.of("2026-01-05 2026-02-01", "2025-12-24 2026-02-03"), dates);
  }

  private static Site.Result build(Path plans, Path out) {
    try {
      return Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(out));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
