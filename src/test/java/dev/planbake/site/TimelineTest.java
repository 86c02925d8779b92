package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /timeline/}: units by the date they are due, overdue counted from the day of the commit
 * built (never the clock), from plans written and committed by the test.
 */
class TimelineTest {
  @TempDir Path tmp;

  private static final String LATE =
      "# Late work\n\n**Status:** In Progress\n**Target:** 2026-02-01\n\n- [x] one\n- [ ] two\n";
  private static final String FINISHED =
      "---\ntitle: Finished early\ndeadline: 2026-01-15\n---\n\n- [x] one\n";
  private static final String AHEAD = "# Ahead\n\n**Due date:** 2026-05-30\n\n- [ ] one\n";
  private static final String UNDATED = "# No date\n\n- [ ] one\n";
  private static final String UNITS =
      """
      # Reporting units

      **Target:** 2026-01-10

      ## Unit 5.1: Exports

      - [ ] csv

      ## Unit 5.2: Charts

      - [x] bars
      - [ ] lines
      """;

  private Path plans(Path root) throws IOException {
    Path plans = root.resolve("plans");
    Files.createDirectories(plans);
    Files.writeString(plans.resolve("late.md"), LATE);
    Files.writeString(plans.resolve("finished.md"), FINISHED);
    Files.writeString(plans.resolve("ahead.md"), AHEAD);
    Files.writeString(plans.resolve("undated.md"), UNDATED);
    Files.writeString(plans.resolve("reporting.md"), UNITS);
    return plans;
  }

  private Document build(Path plans, String name) throws IOException {
    Path out = tmp.resolve(name);
    Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(out));
    return Jsoup.parse(out.resolve("timeline/index.html").toFile(), "UTF-8");
  }

  private static List<String> rows(Document page) {
    return page.select("table.timeline-table tbody tr:not(.timeline-month)").stream()
        .map(Element::text)
        .toList();
  }

  @Test
  void unitsAreListedByDueDateAndOverdueCountsFromTheCommitsDay() throws IOException {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    plans(repo.dir());
    repo.commit("Ann", "2026-03-02", "Plans");
    Document page = build(repo.dir().resolve("plans"), "out");
    List<String> rows = rows(page);
    assertAll(
        () -> assertEquals(5, rows.size(), rows.toString()),
        // Both units of the file take its target.
        () -> assertTrue(rows.get(0).startsWith("2026-01-10 overdue by 51 days"), rows.get(0)),
        () -> assertTrue(rows.get(0).contains("Exports"), rows.get(0)),
        () -> assertTrue(rows.get(1).startsWith("2026-01-10 overdue by 51 days"), rows.get(1)),
        () -> assertTrue(rows.get(1).contains("Charts"), rows.get(1)),
        // Done before its deadline: never overdue.
        () -> assertTrue(rows.get(2).startsWith("2026-01-15 Finished early"), rows.get(2)),
        () -> assertTrue(rows.get(3).startsWith("2026-02-01 overdue by 29 days"), rows.get(3)),
        () ->
            assertEquals(
                List.of("January 2026", "February 2026", "May 2026"),
                page.select("tr.timeline-month").eachText()),
        () -> assertTrue(page.selectFirst(".lede").text().contains("Today is 2026-03-02")),
        () -> assertTrue(page.selectFirst(".lede").text().contains("3 overdue")),
        () -> assertEquals(3, page.select("svg .tl-late").size(), "ringed overdue dots"),
        () -> assertEquals(1, page.select("svg .tl-today").size()),
        () ->
            assertEquals(
                "1 unit has no due date", page.selectFirst(".timeline-undated summary").text()),
        () -> assertTrue(rows.get(4).startsWith("2026-05-30 Ahead"), rows.get(4)),
        () -> assertEquals("5", page.selectFirst("h1 .pill").text()));
  }

  @Test
  void outsideGitNothingIsOverdueAndTheSameDatesAreShown() throws IOException {
    Document page = build(plans(tmp.resolve("plain")), "plain-out");
    assertAll(
        () -> assertEquals(5, rows(page).size()),
        () -> assertEquals(0, page.select(".is-overdue, svg .tl-late, svg .tl-today").size()),
        () -> assertTrue(page.selectFirst(".lede").text().contains("not in git")));
  }

  @Test
  void aSiteWithoutDatesSaysHowToAddOne() throws IOException {
    Path plans = tmp.resolve("none/plans");
    Files.createDirectories(plans);
    Files.writeString(plans.resolve("undated.md"), UNDATED);
    Document page = build(plans, "none-out");
    assertAll(
        () -> assertEquals(0, page.select("svg").size()),
        () -> assertTrue(page.text().contains("No unit states a due date yet")),
        () ->
            assertEquals(
                "1 unit has no due date", page.selectFirst(".timeline-undated summary").text()));
  }
}
