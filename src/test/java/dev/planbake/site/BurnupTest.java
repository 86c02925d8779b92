package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The burn-up (/progress/ and each plan page) from a repository whose story the test writes: boxes
 * added, ticked, a plan renamed, one deleted, one without boxes; every count of every day is
 * checked against the story, and the projection's rule (3 commits that tick, 14 days apart).
 */
class BurnupTest {
  @TempDir Path tmp;

  private static final String A0 = "# Alpha\n\n- [ ] one\n- [ ] two\n- [ ] three\n- [ ] four\n";
  private static final String B0 =
      "# Beta\n\nSome words about beta, long enough to be found again when renamed.\n\n"
          + "- [ ] only\n- [ ] second\n";

  private GitRepo story(String name) {
    GitRepo repo = GitRepo.init(tmp.resolve(name));
    repo.write("plans/a.md", A0).write("plans/b.md", B0).commit("Ann", "2026-03-02", "Two");
    repo.write("plans/a.md", A0.replace("[ ] one", "[x] one")).commit("Bob", "2026-03-04", "1");
    repo.write("plans/a.md", A0.replace("[ ] one", "[x] one").replace("[ ] two", "[x] two"))
        .write("plans/c.md", "# Gamma\n\n- [x] g1\n- [ ] g2\n- [ ] g3\n")
        .commit("Bob", "2026-03-09", "Gamma, and two");
    repo.move("plans/b.md", "plans/beta.md").commit("Cy", "2026-03-10", "Rename beta");
    repo.write("plans/beta.md", B0.replace("[ ] only", "[x] only"))
        .commit("Cy", "2026-03-16", "Beta ticked");
    repo.delete("plans/c.md").commit("Dee", "2026-03-18", "Drop gamma");
    repo.write("plans/d.md", "# Delta\n\n**Status:** Draft\n\nWords only.\n")
        .commit("Dee", "2026-03-20", "Delta");
    repo.write(
            "plans/a.md",
            A0.replace("[ ] one", "[x] one")
                .replace("[ ] two", "[x] two")
                .replace("[ ] three", "[x] three"))
        .commit("Eve", "2026-03-23", "Three");
    return repo;
  }

  private static Path build(Path plans, Path out) throws IOException {
    Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(out));
    return out;
  }

  private static Document page(Path out, String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  /** The table under a chart, one "day done/total" per row. */
  private static List<String> rows(Document page) {
    return page.select(".burnup-table tbody tr").stream()
        .map(tr -> tr.child(0).text() + " " + tr.child(1).text() + "/" + tr.child(2).text())
        .toList();
  }

  @Test
  void everyDayOfTheRepositoryAndOfEachPlanCountsWhatTheCommitsWrote() throws IOException {
    GitRepo repo = story("repo");
    Path out = build(repo.dir().resolve("plans"), tmp.resolve("out"));
    Document progress = page(out, "progress/index.html");
    Document alpha = page(out, "plans/a/index.html");
    Document beta = page(out, "plans/beta/index.html");
    Document delta = page(out, "plans/d/index.html");
    Element svg = progress.selectFirst("svg.burnup-svg");
    assertAll(
        // c.md (1 of 3 ticked) counts while it existed; the rename changes no count.
        () ->
            assertEquals(
                List.of(
                    "2026-03-02 0/6",
                    "2026-03-04 1/6",
                    "2026-03-09 3/9",
                    "2026-03-10 3/9",
                    "2026-03-16 4/9",
                    "2026-03-18 3/6",
                    "2026-03-20 3/6",
                    "2026-03-23 4/6"),
                rows(progress)),
        () ->
            assertEquals(
                List.of("2026-03-02 0/4", "2026-03-04 1/4", "2026-03-09 2/4", "2026-03-23 3/4"),
                rows(alpha)),
        // Beta's commits under its old name are its own; its count holds until today.
        () ->
            assertEquals(
                List.of("2026-03-02 0/2", "2026-03-10 0/2", "2026-03-16 1/2", "2026-03-23 1/2"),
                rows(beta)),
        () -> assertNull(delta.selectFirst(".burnup"), "no box ever: no chart"),
        () -> assertNotNull(svg.selectFirst("title")),
        () -> assertNotNull(svg.selectFirst("desc")),
        () -> assertEquals("img", svg.attr("role")),
        () ->
            assertEquals(
                "4 of 6 boxes ticked on 2026-03-23 (the commit built), from 0 of 6 boxes on"
                    + " 2026-03-02.",
                svg.selectFirst("desc").text().substring(0, 86)),
        // 4 ticking commits from 03-04 to 03-23; weeks ticked 0, 1, 3: 4/3 a week, busier half 2.
        () ->
            assertEquals(
                "Projection: the 2 boxes left would all be ticked between 2026-03-30 and"
                    + " 2026-04-03, at 2 to 1.3 boxes a week (the busier half of the last 3 weeks, and"
                    + " all of them). Boxes added later move it.",
                progress.selectFirst(".projection").text()),
        // Alpha: 3 ticking commits over 19 days, weeks 1, 0, 2: 1 a week, busier half 1.5.
        () ->
            assertTrue(
                alpha
                    .selectFirst(".projection")
                    .text()
                    .contains("between 2026-03-28 and 2026-03-30"),
                alpha.selectFirst(".projection").text()),
        // Beta: one ticking commit, no projection, and says why.
        () -> assertNull(beta.selectFirst(".projection")),
        () -> assertTrue(beta.selectFirst(".no-projection").text().startsWith("No projection")),
        () -> assertNotNull(svg.selectFirst(".bu-proj")),
        () ->
            assertTrue(
                page(out, "index.html")
                    .selectFirst(".hero-links")
                    .text()
                    .contains(
                        "Progress over time (projection: all ticked between 2026-03-30 and 2026-04-03)")),
        () ->
            assertEquals(
                "./progress/",
                page(out, "index.html").select("nav.site-nav a[href$=/progress/]").attr("href")));

    // The same commit gives the same bytes.
    Path again = build(repo.dir().resolve("plans"), tmp.resolve("again"));
    assertEquals(
        Files.readString(out.resolve("progress/index.html")),
        Files.readString(again.resolve("progress/index.html")));
    repo.close();
  }

  /** Three commits that tick boxes: shown when the first is 14 days before the last, not 13. */
  @Test
  void aProjectionNeedsThreeTickingCommitsFourteenDaysApart() throws IOException {
    for (int gap : new int[] {13, 14}) {
      GitRepo repo = GitRepo.init(tmp.resolve("r" + gap));
      String plan = "# P\n\n- [ ] a\n- [ ] b\n- [ ] c\n- [ ] d\n- [ ] e\n";
      repo.write("plans/p.md", plan).commit("Ann", "2026-05-01", "start");
      repo.write("plans/p.md", plan.replace("[ ] a", "[x] a")).commit("Ann", "2026-05-02", "a");
      repo.write("plans/p.md", plan.replace("[ ] a", "[x] a").replace("[ ] b", "[x] b"))
          .commit("Ann", "2026-05-08", "b");
      String last = java.time.LocalDate.parse("2026-05-02").plusDays(gap).toString();
      repo.write(
              "plans/p.md",
              plan.replace("[ ] a", "[x] a").replace("[ ] b", "[x] b").replace("[ ] c", "[x] c"))
          .commit("Ann", last, "c");
      Path out = build(repo.dir().resolve("plans"), tmp.resolve("out" + gap));
      Document progress = page(out, "progress/index.html");
      assertEquals(gap >= 14, progress.selectFirst(".projection") != null, "gap " + gap);
      assertEquals(gap >= 14, progress.selectFirst(".bu-proj") != null, "gap " + gap);
      assertEquals(gap < 14, progress.selectFirst(".no-projection") != null, "gap " + gap);
      repo.close();
    }
  }

  @Test
  void allTickedHasNoProjection() throws IOException {
    GitRepo repo = GitRepo.init(tmp.resolve("done"));
    repo.write("plans/p.md", "# P\n\n- [ ] a\n- [ ] b\n- [ ] c\n").commit("A", "2026-05-01", "0");
    repo.write("plans/p.md", "# P\n\n- [x] a\n- [ ] b\n- [ ] c\n").commit("A", "2026-05-03", "1");
    repo.write("plans/p.md", "# P\n\n- [x] a\n- [x] b\n- [ ] c\n").commit("A", "2026-05-10", "2");
    repo.write("plans/p.md", "# P\n\n- [x] a\n- [x] b\n- [x] c\n").commit("A", "2026-05-20", "3");
    Document progress =
        page(build(repo.dir().resolve("plans"), tmp.resolve("o")), "progress/index.html");
    assertAll(
        () -> assertNull(progress.selectFirst(".projection")),
        () -> assertNull(progress.selectFirst(".no-projection")),
        () ->
            assertEquals(
                List.of("2026-05-01 0/3", "2026-05-03 1/3", "2026-05-10 2/3", "2026-05-20 3/3"),
                rows(progress)));
    repo.close();
  }

  /** A spec-kit feature folder is one plan: its files' boxes add up, each file's commits count. */
  @Test
  void aFeatureFolderAddsUpItsFiles() throws IOException {
    GitRepo repo = GitRepo.init(tmp.resolve("kit"));
    String spec = "# Feature Specification: Export\n\n## Checklist\n\n- [ ] reviewed\n";
    String tasks = "# Tasks: Export\n\n- [ ] T001 one\n- [ ] T002 two\n- [ ] T003 three\n";
    repo.write("plans/specs/001-export/spec.md", spec).commit("Ann", "2026-04-01", "spec");
    repo.write("plans/specs/001-export/tasks.md", tasks).commit("Ann", "2026-04-02", "tasks");
    repo.write("plans/specs/001-export/tasks.md", tasks.replace("[ ] T001", "[x] T001"))
        .commit("Bob", "2026-04-06", "T001");
    repo.write("plans/specs/001-export/spec.md", spec.replace("[ ]", "[x]"))
        .write(
            "plans/specs/001-export/tasks.md",
            tasks.replace("[ ] T001", "[x] T001").replace("[ ] T002", "[x] T002"))
        .commit("Cy", "2026-04-08", "reviewed, T002");
    Path out = build(repo.dir().resolve("plans"), tmp.resolve("kit-out"));
    Path page;
    try (java.util.stream.Stream<Path> pages = Files.list(out.resolve("plans"))) {
      page =
          pages
              .map(d -> d.resolve("index.html"))
              .filter(Files::exists)
              .filter(f -> !f.getParent().equals(out.resolve("plans")))
              .findFirst()
              .orElseThrow();
    }
    assertEquals(
        List.of("2026-04-01 0/1", "2026-04-02 0/4", "2026-04-06 1/4", "2026-04-08 3/4"),
        rows(Jsoup.parse(page.toFile(), "UTF-8")));
    repo.close();
  }

  @Test
  void outsideGitThereIsNoBurnup() throws IOException {
    Path plans = tmp.resolve("plain/plans");
    Files.createDirectories(plans);
    Files.writeString(plans.resolve("a.md"), "# A\n\n- [x] one\n- [ ] two\n");
    Path out = build(plans, tmp.resolve("plain-out"));
    assertAll(
        () -> assertFalse(Files.exists(out.resolve("progress"))),
        () -> assertNull(page(out, "plans/a/index.html").selectFirst(".burnup")),
        () -> assertTrue(page(out, "index.html").select("a[href$=/progress/]").isEmpty()));
  }

  @Test
  void aShallowCloneSaysTheBurnupIsPartial() throws IOException {
    GitRepo repo = story("shallow");
    repo.shallowAt(headMinus(repo, 2)); // the commit of 2026-03-18
    Path out = build(repo.dir().resolve("plans"), tmp.resolve("sh"));
    Document progress = page(out, "progress/index.html");
    assertAll(
        () -> assertTrue(progress.selectFirst("figcaption").text().contains("history is partial")),
        // The shallow root's "adds" are not changes: the chart starts before the commits after it.
        () ->
            assertEquals(
                List.of("2026-03-19 3/6", "2026-03-20 3/6", "2026-03-23 4/6"), rows(progress)));
    repo.close();
  }

  private static String headMinus(GitRepo repo, int n) {
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.dir().toFile())) {
      String id = null;
      int i = 0;
      for (org.eclipse.jgit.revwalk.RevCommit c : git.log().call()) {
        if (i++ == n) {
          id = c.name();
        }
      }
      return id;
    } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }
}
