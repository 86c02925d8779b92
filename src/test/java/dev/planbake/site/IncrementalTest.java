package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that re-renders only what a change affects must end with exactly the site a full build
 * of the same files gives: every page present, none left over, every byte the same.
 */
class IncrementalTest {
  @TempDir Path tmp;
  private Path plans;
  private Settings settings;
  private Session session;

  @BeforeEach
  void copyTheDemoContent() throws IOException {
    plans = TestSite.copyTree(Path.of("content", "plans"), tmp.resolve("plans"));
    settings =
        Settings.defaults()
            .withTitle("Incremental")
            .withPlans(List.of(plans))
            .withOut(tmp.resolve("out"));
    session = new Session(settings, true);
    session.refresh();
  }

  @Test
  void tickingATaskRendersTheSameSiteAsAFullBuild() throws IOException {
    Path file = anyFileWith("- [ ] ");
    replaceFirst(file, "- [ ] ", "- [x] ");
    Session.Update u = assertSameAsFullBuild();
    assertTrue(
        u.changed().stream().anyMatch(p -> p.path().equals("index.html")),
        "the dashboard's counts changed");
  }

  @Test
  void addingADependencyRendersTheSameSiteAsAFullBuild() throws IOException {
    Path file = plans.resolve("technical/stripe-card-payments.md");
    assertTrue(Files.exists(file), "demo plan exists");
    append(file, "\n## Integration Points\n\n- Depends on: Unit 1.0\n");
    assertSameAsFullBuild();
    // Then a tick: the session learnt afresh, at the edit before, what each focus view shows.
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    assertSameAsFullBuild();
  }

  @Test
  void addingAPlanRendersTheSameSiteAsAFullBuild() throws IOException {
    Files.writeString(
        plans.resolve("docs/plans/tax-reports.md"),
        """
        # Tax reports

        **Status:** Ready

        Depends on Unit 1.0.

        ## Tasks

        - [ ] Quarterly VAT report
        - [x] Report template
        """,
        StandardCharsets.UTF_8);
    Session.Update u = assertSameAsFullBuild();
    assertTrue(u.pages().containsKey("plans/tax-reports/index.html"), "the new plan's page");
  }

  @Test
  void deletingAPlanRendersTheSameSiteAsAFullBuild() throws IOException {
    Path file = plans.resolve("units/unit-1-0-tenant-accounts.md");
    assertTrue(Files.exists(file), "demo unit 1.0 exists");
    Files.delete(file);
    Session.Update u = assertSameAsFullBuild();
    assertFalse(u.removed().isEmpty(), "the deleted plan's pages are reported removed");
  }

  @Test
  void renamingAPlanRendersTheSameSiteAsAFullBuild() throws IOException {
    Path file = plans.resolve("units/unit-1-0-tenant-accounts.md");
    Files.move(file, file.resolveSibling("unit-1-0-accounts.md"));
    Session.Update u = assertSameAsFullBuild();
    assertTrue(u.pages().containsKey("plans/unit-1-0-accounts/index.html"), "new slug");
    assertFalse(
        u.pages().containsKey("plans/unit-1-0-tenant-accounts/index.html"), "old slug gone");
  }

  @Test
  void aChangeOfNothingChangesNoPage() throws IOException {
    Session.Update u = session.refresh();
    assertEquals(List.of(), u.changed());
    assertEquals(0, u.removed().size());
  }

  @Test
  void aRehearsalParsesAPlanAgainButChangesNoPage() throws IOException {
    Map<String, Page> before = session.refresh().pages();
    for (int round = 0; round < 5; round++) {
      List<dev.planbake.model.Plan> was = session.repository().plans();
      Session.Update u = session.rehearse(round);
      List<dev.planbake.model.Plan> now = session.repository().plans();
      int parsedAgain = 0;
      for (int i = 0; i < now.size(); i++) {
        parsedAgain += now.get(i) == was.get(i) ? 0 : 1;
        assertEquals(was.get(i), now.get(i), "the same content");
      }
      assertEquals(1, parsedAgain, "one plan is parsed again, as after an edit");
      assertEquals(List.of(), u.changed(), "round " + round);
      assertEquals(0, u.removed().size());
      assertEquals(before.keySet(), u.pages().keySet());
    }
  }

  @Test
  void aRehearsalLeavesAnEditForTheNextRefresh() throws IOException {
    Path file = anyFileWith("- [ ] ");
    replaceFirst(file, "- [ ] ", "- [x] ");
    Session.Update rehearsed = session.rehearse(3);
    assertEquals(List.of(), rehearsed.changed(), "the files the last refresh read, as they were");
    Session.Update u = assertSameAsFullBuild();
    assertTrue(
        u.changed().stream().anyMatch(p -> p.path().equals("index.html")),
        "the dashboard's counts changed");
  }

  @Test
  void aRehearsalKeepsWhatReadingTheFilesReported() throws IOException {
    Files.write(
        plans.resolve("docs/plans/latin1.md"),
        "# Caf\u00e9\n\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    Session.Update read = session.refresh();
    assertTrue(
        read.result().diagnostics().stream().anyMatch(d -> d.message().contains("invalid UTF-8")),
        read.result().diagnostics().toString());
    Session.Update rehearsed = session.rehearse(0);
    assertEquals(read.result().diagnostics(), rehearsed.result().diagnostics());
    assertEquals(List.of(), rehearsed.changed());
  }

  @Test
  void anEditTheWatcherNamesIsReadAloneAndGivesTheSameSite() throws IOException {
    Path file = anyFileWith("- [ ] ");
    replaceFirst(file, "- [ ] ", "- [x] ");
    Session.Update u = assertSameAsFullBuild(session.refresh(Set.of(file)));
    assertTrue(u.changed().stream().anyMatch(p -> p.path().equals("index.html")));
  }

  @Test
  void onlyTheNamedFilesAreReadAgain() throws IOException {
    List<Path> open = filesWith("- [ ] ");
    Path named = open.get(0);
    Path other = open.get(open.size() - 1);
    replaceFirst(named, "- [ ] ", "- [x] ");
    replaceFirst(other, "- [ ] ", "- [x] ");
    Session.Update u = session.refresh(Set.of(named));
    Map<String, Page> full = new Session(settings, true).refresh().pages();
    assertFalse(
        Arrays.equals(full.get("status.json").bytes(), u.pages().get("status.json").bytes()),
        "the other edit is not seen until the folder is scanned");
    assertSameAsFullBuild();
  }

  @Test
  void aNewOrDeletedFileOrAFolderIsAWholeScan() throws IOException {
    Path added = plans.resolve("docs/plans/added.md");
    Files.writeString(added, "# Added\n\n- [ ] One\n");
    assertTrue(
        assertSameAsFullBuild(session.refresh(Set.of(added)))
            .pages()
            .containsKey("plans/added/index.html"));
    Files.delete(added);
    assertFalse(
        assertSameAsFullBuild(session.refresh(Set.of(added)))
            .pages()
            .containsKey("plans/added/index.html"));
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    assertSameAsFullBuild(session.refresh(Set.of(plans)));
  }

  @Test
  void aFileThatNoLongerReadsCleanlyIsAWholeScan() throws IOException {
    Path file = anyFileWith("- [ ] ");
    byte[] clean = Files.readAllBytes(file);
    byte[] broken = Arrays.copyOf(clean, clean.length + 1);
    broken[clean.length] = (byte) 0xFF;
    Files.write(file, broken);
    Session.Update u = assertSameAsFullBuild(session.refresh(Set.of(file)));
    assertTrue(
        u.result().diagnostics().stream().anyMatch(d -> d.message().contains("invalid UTF-8")));
    Files.write(file, clean);
    u = assertSameAsFullBuild(session.refresh(Set.of(file)));
    assertFalse(
        u.result().diagnostics().stream().anyMatch(d -> d.message().contains("invalid UTF-8")),
        "the warning goes once the file is fixed");
  }

  @Test
  void plansWithSymbolicLinksAreScannedWhole() throws IOException {
    Path target = anyFileWith("- [ ] ");
    Files.createSymbolicLink(plans.resolve("linked.md"), plans.relativize(target));
    session.refresh();
    replaceFirst(target, "- [ ] ", "- [x] ");
    // The watcher names the file; the link shows the same text under another path.
    assertSameAsFullBuild(session.refresh(Set.of(target)));
  }

  @Test
  void theSearchIndexAndStatusOfAKeptSessionAreWhatABuildWrites() throws IOException {
    // A kept session copies the search entries of unchanged units; a build writes every one.
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    Session.Update u = session.refresh();
    Path out = tmp.resolve("built");
    Site.build(settings.withOut(out));
    for (String page : List.of("search/index.js", "status.json")) {
      assertEquals(
          Files.readString(out.resolve(page)),
          new String(u.pages().get(page).bytes(), StandardCharsets.UTF_8),
          page);
    }
  }

  @Test
  void unitsStatusJsonCopiesFromTheLastRebuildAreEscapedAsABuildWritesThem() throws IOException {
    // A kept session copies the status.json objects of unchanged units, written apart from the
    // file: titles that need escaping must come out as a build writes them.
    Files.writeString(
        plans.resolve("docs/plans/escapes.md"),
        "# Caf\u00e9 <b>&</b> \u2028 \uD83D\uDE80 \"quoted\"\n\n## Tasks\n\n- [ ] One\n- [x] Two\n");
    session.refresh();
    Path other = anyFileWith("- [ ] ");
    replaceFirst(other, "- [ ] ", "- [x] ");
    Session.Update u = session.refresh();
    Path out = tmp.resolve("built");
    Site.build(settings.withOut(out));
    String built = Files.readString(out.resolve("status.json"));
    assertTrue(built.contains("Caf\u00e9 \\u0026 \\u2028 \\uD83D\\uDE80 \\\"quoted"), built);
    assertEquals(built, new String(u.pages().get("status.json").bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void severalEditsInARowStayEqualToAFullBuild() throws IOException {
    for (int i = 0; i < 3; i++) {
      replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
      assertSameAsFullBuild();
    }
    replaceFirst(anyFileWith("- [x] "), "- [x] ", "- [ ] ");
    assertSameAsFullBuild();
  }

  @Test
  void boxesAppendedOneAtATimeAsServeBenchesThemStayEqualToAFullBuild() throws IOException {
    // What bench/run --serve does: a ticked box appended to a unit file, again and again. The
    // graph is then taken from the last build with new boxes, and rows are kept between edits;
    // a title edit in between makes the graph and the rows of that unit be made again.
    Path file = anyFileWith("- [ ] ");
    for (int k = 1; k <= 3; k++) {
      append(file, "\n- [x] bench edit " + k + "\n");
      Session.Update u = assertSameAsFullBuild();
      assertTrue(
          u.changed().stream().anyMatch(p -> p.path().equals("plans/index.html")),
          "the unit's row of /plans/ shows its new progress");
    }
    replaceFirst(file, "# ", "# Renamed: ");
    assertSameAsFullBuild();
    append(file, "- [ ] bench edit 4\n");
    assertSameAsFullBuild();
  }

  @Test
  void aRenamedUnitIsRenamedInTheRowsOfTheUnitsThatWaitOnIt() throws IOException {
    // Lists are kept while none of their rows changed; a row shows the units it waits on by their
    // titles, so renaming one changes the rows of the units that wait on it (in other lists).
    startSmallPlans();
    Files.writeString(plans.resolve("a.md"), "# Unit 1.0: Alpha\n\n- [ ] one\n- [ ] two\n");
    Files.writeString(
        plans.resolve("b.md"), "# Unit 2.0: Beta\n\nDepends on: Unit 1.0\n\n- [ ] three\n");
    keepASession();
    Files.writeString(plans.resolve("a.md"), "# Unit 1.0: Alpha Prime\n\n- [ ] one\n- [ ] two\n");
    Session.Update renamed = assertSameAsFullBuild();
    String blocked =
        new String(
            renamed.pages().get("status/blocked/index.html").bytes(), StandardCharsets.UTF_8);
    assertTrue(blocked.contains("Alpha Prime"), "Beta's row names what it waits on");
    // A tick leaves every link as it was: the lists that only wait on the unit are kept.
    Files.writeString(plans.resolve("a.md"), "# Unit 1.0: Alpha Prime\n\n- [x] one\n- [ ] two\n");
    assertSameAsFullBuild();
    Files.writeString(plans.resolve("a.md"), "# Unit 1.0: Alpha Prime\n\n- [x] one\n- [x] two\n");
    Session.Update done = assertSameAsFullBuild();
    assertTrue(
        done.changed().stream().anyMatch(p -> p.path().equals("status/blocked/index.html")),
        "Beta is ready now, and its blocked list empty");
  }

  @Test
  void theTimelineAndProblemsAreDrawnAgainOnlyWhenWhatTheyShowChanged() throws IOException {
    // A kept session keeps a page whose view is unchanged (the search and 404 pages, the timeline
    // and problems while no unit on them changed) and draws it again as soon as one did.
    startSmallPlans();
    Files.writeString(
        plans.resolve("a.md"),
        "# Unit 1.0: Alpha\n\n**Target:** 2026-06-12\n\n- [ ] one\n- [ ] two\n");
    Files.writeString(
        plans.resolve("b.md"), "# Unit 2.0: Beta\n\nDepends on: Unit 1.0\n\n- [ ] three\n");
    Files.writeString(plans.resolve("notes.md"), "# Notes\n\nNothing to do here.\n");
    keepASession();
    Map<String, Page> before = session.refresh().pages();

    Files.writeString(plans.resolve("notes.md"), "# Notes\n\nStill nothing to do here.\n");
    Session.Update notes = assertSameAsFullBuild();
    for (String page :
        List.of("timeline/index.html", "problems/index.html", "search/index.html", "404.html")) {
      assertTrue(before.get(page) == notes.pages().get(page), page + " is kept as it was");
    }

    // The dated unit's new progress is on its timeline row.
    Files.writeString(
        plans.resolve("a.md"),
        "# Unit 1.0: Alpha\n\n**Target:** 2026-06-12\n\n- [x] one\n- [ ] two\n");
    Session.Update ticked = assertSameAsFullBuild();
    assertTrue(changed(ticked, "timeline/index.html"), "Alpha's row shows 50%");
    assertTrue(
        page(ticked, "timeline/index.html").contains("2026-06-12"), "Alpha is on the timeline");
    // A new due date moves it: the plan's date is read again from its new header.
    Files.writeString(
        plans.resolve("a.md"),
        "# Unit 1.0: Alpha\n\n**Target:** 2026-09-30\n\n- [x] one\n- [ ] two\n");
    String moved = page(assertSameAsFullBuild(), "timeline/index.html");
    assertTrue(moved.contains("2026-09-30") && !moved.contains("2026-06-12"), moved);

    // A reference to a unit that does not exist is a problem for the authors.
    Files.writeString(
        plans.resolve("b.md"),
        "# Unit 2.0: Beta\n\nDepends on: Unit 1.0, Unit 9.9\n\n- [ ] three\n");
    Session.Update broken = assertSameAsFullBuild();
    assertTrue(changed(broken, "problems/index.html"), "the problems page lists the reference");
    assertTrue(page(broken, "problems/index.html").contains("b.md:"), "at its file and line");
    Files.writeString(
        plans.resolve("b.md"), "# Unit 2.0: Beta\n\nDepends on: Unit 1.0\n\n- [ ] three\n");
    Session.Update fixed = assertSameAsFullBuild();
    assertTrue(changed(fixed, "problems/index.html"), "and no longer once it is fixed");
  }

  @Test
  void aPlansNewTagsAndDatesAreInTheRowsOfAllPlansAndItsOrderFollowsANewFile() throws IOException {
    // /plans/ keeps each unit's row while its reference and its plan's cells (tags, folder,
    // dates) are the same objects, and the plans' order by file while no file came or went.
    startSmallPlans();
    Files.writeString(plans.resolve("b.md"), plan("Beta", "[core]", "2026-01-05", "[ ]"));
    Files.writeString(plans.resolve("c.md"), plan("Gamma", "[core]", "2026-01-06", "[ ]"));
    keepASession();
    Files.writeString(plans.resolve("b.md"), plan("Beta", "[core, billing]", "2026-02-07", "[ ]"));
    Session.Update retagged = assertSameAsFullBuild();
    String table = page(retagged, "plans/index.html");
    assertTrue(table.contains("billing") && table.contains("2026-02-07"), table);
    Files.writeString(plans.resolve("a.md"), plan("Alpha", "[core]", "2026-01-04", "[x]"));
    Session.Update added = assertSameAsFullBuild();
    String rows = page(added, "plans/index.html");
    assertTrue(rows.indexOf("Alpha") < rows.indexOf("Beta"), "a.md comes before b.md");
    Files.writeString(plans.resolve("c.md"), plan("Gamma", "[core]", "2026-01-06", "[x]"));
    assertSameAsFullBuild();
  }

  private static String plan(String title, String tags, String updated, String box) {
    return "---\ntags: "
        + tags
        + "\nupdated: "
        + updated
        + "\n---\n# "
        + title
        + "\n\n- "
        + box
        + " one\n- [ ] two\n";
  }

  private static boolean changed(Session.Update u, String path) {
    return u.changed().stream().anyMatch(p -> p.path().equals(path));
  }

  private static String page(Session.Update u, String path) {
    return new String(u.pages().get(path).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aThemesRowTemplatesDrawTheRowsOfAKeptSession() throws IOException {
    Path theme = tmp.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.writeString(
        theme.resolve("templates/row.peb"),
        "    <tr class=\"mine\"><td>{{ r.unit.title }}</td><td>{{ r.unit.progress.text }}</td></tr>\n");
    Files.writeString(
        theme.resolve("templates/plan-row.peb"),
        "    <tr class=\"mine\"><td>{{ r.unit.label }}</td><td>{{ r.unit.progress.text }}</td></tr>\n");
    settings = settings.withTheme(theme);
    session = new Session(settings, true);
    Session.Update first = session.refresh();
    String plansPage =
        new String(first.pages().get("plans/index.html").bytes(), StandardCharsets.UTF_8);
    assertTrue(plansPage.contains("<tr class=\"mine\">"), plansPage);
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    assertSameAsFullBuild();
  }

  @Test
  void editsInAGroupedGraphRenderTheSameSiteAsAFullBuild() throws IOException {
    // Above 150 units the graph is split into group pages, which a rebuild keeps when none of
    // their units changed.
    Session.Update first = startGroupedGraph();
    assertTrue(
        first.pages().keySet().stream().filter(p -> p.startsWith("graph/")).count() > 2,
        "grouped graph pages");
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    assertSameAsFullBuild();
    Path file = anyFileWith("- [x] ");
    replaceFirst(file, "- [x] ", "- [ ] ");
    assertSameAsFullBuild();
    // Every box of a plan ticked: its units are done, which may unblock units downstream; focus
    // views far from the plan show them, and no dependency changed.
    Path whole = anyFileWith("- [ ] ");
    Files.writeString(whole, Files.readString(whole).replace("- [ ] ", "- [x] "));
    assertSameAsFullBuild();
  }

  @Test
  void boxesAppendedInARowInAGroupedGraphStayEqualToAFullBuild() throws IOException {
    // Edits that change only boxes keep every plan, unit, link and group as it was: the renderer
    // then takes the last update's groups with the new units, and its list of each plan's and
    // unit's pages, instead of making them again. A dependency added afterwards regroups afresh.
    startGroupedGraph();
    Path file = anyFileWith("- [ ] ");
    for (int k = 1; k <= 3; k++) {
      append(file, "\n- [x] bench edit " + k + "\n");
      Session.Update u = assertSameAsFullBuild();
      assertTrue(
          u.changed().stream().anyMatch(p -> p.path().startsWith("graph/")),
          "a graph page shows the unit's new progress");
      assertTrue(u.removed().isEmpty(), "no page goes away: " + u.removed());
    }
    append(file, "\nDepends on: Unit 1.0\n");
    assertSameAsFullBuild();
    append(file, "\n- [x] bench edit 4\n");
    assertSameAsFullBuild();
  }

  @Test
  void aWordOrHeadingThatBecomesCommonLeavesEveryEntryOfAKeptSession() throws IOException {
    // Below 210 units a heading or word is common once more than 20 units hold it. Twenty plans
    // hold both; an edit of a twenty-first drops them from the entries of the twenty others, whose
    // plans were not read again.
    startSmallPlans();
    int common = 20;
    for (int i = 0; i < 2 * common; i++) {
      boolean holds = i < common;
      writePlan("p" + i + ".md", i, holds ? "zephyrword" : "", holds ? "Rollout notes" : "");
    }
    keepASession();
    String index = refreshedSearchIndex();
    assertTrue(index.contains("zephyrword") && index.contains("Rollout notes"), "the fixture");

    writePlan("p30.md", 30, "zephyrword", "");
    index = refreshedSearchIndex();
    assertFalse(index.contains("zephyrword"), "a word in 21 units is common");
    assertTrue(index.contains("Rollout notes"));
    writePlan("p31.md", 31, "", "Rollout notes");
    index = refreshedSearchIndex();
    assertFalse(index.contains("Rollout notes"), "a heading in 21 units is common");

    writePlan("p30.md", 30, "", "");
    writePlan("p31.md", 31, "", "");
    index = refreshedSearchIndex();
    assertTrue(index.contains("zephyrword") && index.contains("Rollout notes"), "back in 20 units");
  }

  @Test
  void plansAddedAndDeletedMoveTheCommonThresholdOfAKeptSession() throws IOException {
    // Above 209 units, common is more than a tenth of them: 22 at 220 units, 23 at 230, 21 at 210.
    // No count of the word or the heading changes; only the threshold moves past them.
    startSmallPlans();
    for (int i = 0; i < 220; i++) {
      writePlan("p" + i + ".md", i, i < 23 ? "zephyrword" : "", i < 22 ? "Rollout notes" : "");
    }
    keepASession();
    String index = refreshedSearchIndex();
    assertFalse(index.contains("zephyrword"), "23 of 220 units: common");
    assertTrue(index.contains("Rollout notes"), "22 of 220 units: not common");

    for (int i = 220; i < 230; i++) {
      writePlan("p" + i + ".md", i, "", "");
    }
    index = refreshedSearchIndex();
    assertTrue(index.contains("zephyrword"), "23 of 230 units: not common");

    for (int i = 200; i < 220; i++) {
      Files.delete(plans.resolve("p" + i + ".md"));
    }
    index = refreshedSearchIndex();
    assertFalse(index.contains("zephyrword"), "23 of 210 units: common");
    assertFalse(index.contains("Rollout notes"), "22 of 210 units: common");
  }

  @Test
  void aPlanWhoseUnitCountChangesGivesTheIndexABuildWrites() throws IOException {
    // A multi-unit file indexes headings per unit and no prose: a unit more or less changes the
    // headings counted, and a plan that becomes multi-unit stops counting its prose words.
    startSmallPlans();
    for (int i = 0; i < 40; i++) {
      writePlan("p" + i + ".md", i, i < 21 ? "zephyrword" : "", i < 19 ? "Rollback" : "");
    }
    Files.writeString(plans.resolve("release.md"), multiUnitPlan(7, 2), StandardCharsets.UTF_8);
    keepASession();
    String index = refreshedSearchIndex();
    assertTrue(index.contains("Rollback"), "19 plans and a unit of release.md: 20 units");
    assertFalse(index.contains("zephyrword"), "21 units");

    Files.writeString(plans.resolve("release.md"), multiUnitPlan(7, 3), StandardCharsets.UTF_8);
    index = refreshedSearchIndex();
    assertFalse(index.contains("Rollback"), "a third unit of release.md: 21 units");

    Files.writeString(plans.resolve("release.md"), multiUnitPlan(7, 1), StandardCharsets.UTF_8);
    index = refreshedSearchIndex();
    assertTrue(index.contains("Rollback"), "one unit of release.md left: 20 units");

    Files.writeString(
        plans.resolve("p0.md"), multiUnitPlan(8, 2) + "\nzephyrword\n", StandardCharsets.UTF_8);
    index = refreshedSearchIndex();
    assertTrue(index.contains("zephyrword"), "p0 is multi-unit, its prose no longer counted");

    writePlan("p0.md", 0, "zephyrword", "Rollback");
    index = refreshedSearchIndex();
    assertFalse(index.contains("zephyrword"), "p0 is one unit again");
  }

  /** Plans of the test's own in an empty folder instead of the demo's. */
  /** A session over 220 generated plans: more units than one graph page draws whole. */
  private Session.Update startGroupedGraph() throws IOException {
    Path corpus = tmp.resolve("gen");
    dev.planbake.GenPlans.generate(corpus, 220, 5, false);
    plans = corpus.resolve("plans");
    settings = settings.withPlans(List.of(plans));
    session = new Session(settings, true);
    return session.refresh();
  }

  private void startSmallPlans() throws IOException {
    plans = Files.createDirectories(tmp.resolve("small"));
    settings = settings.withPlans(List.of(plans));
  }

  /** A new kept session of the plans as written so far. */
  private void keepASession() throws IOException {
    session = new Session(settings, true);
    session.refresh();
  }

  /**
   * Writes a one-unit plan: a sentence of prose with {@code word} in it (the prose counts by
   * sentence, so the plans with the word share it), and a section named {@code heading}, if they
   * are not empty.
   */
  private void writePlan(String file, int n, String word, String heading) throws IOException {
    String text =
        "# Plan "
            + n
            + "\n\nPlan "
            + n
            + " covers item"
            + n
            + "."
            + (word.isEmpty() ? "" : " The " + word + " is shared.")
            + "\n\n"
            + (heading.isEmpty() ? "" : "## " + heading + "\n\nSee above.\n\n")
            + "## Tasks\n\n- [ ] Step "
            + n
            + "\n";
    Files.writeString(plans.resolve(file), text, StandardCharsets.UTF_8);
  }

  /**
   * A file of {@code units} units numbered {@code major}.1 and on; the first and third roll back.
   */
  private static String multiUnitPlan(int major, int units) {
    StringBuilder text = new StringBuilder("# Release " + major + "\n\nThe release units.\n");
    for (int i = 1; i <= units; i++) {
      text.append("\n## Unit ").append(major).append('.').append(i).append(": Step ").append(i);
      text.append(i == 1 || i == 3 ? "\n\n### Rollback\n" : "\n\n### Purpose\n");
      text.append("\n- [ ] Task ").append(major).append('.').append(i).append('\n');
    }
    return text.toString();
  }

  /** The kept session's search index after a refresh, asserted the same as a build writes. */
  private String refreshedSearchIndex() throws IOException {
    Session.Update u = session.refresh();
    Path out = tmp.resolve("built");
    Site.build(settings.withOut(out));
    String built = Files.readString(out.resolve("search/index.js"));
    String kept = new String(u.pages().get("search/index.js").bytes(), StandardCharsets.UTF_8);
    assertEquals(built, kept, "search/index.js of the kept session");
    return kept;
  }

  private Session.Update assertSameAsFullBuild() throws IOException {
    return assertSameAsFullBuild(session.refresh());
  }

  private Session.Update assertSameAsFullBuild(Session.Update incremental) throws IOException {
    Map<String, Page> full = new Session(settings, true).refresh().pages();
    assertEquals(
        new TreeSet<>(full.keySet()),
        new TreeSet<>(incremental.pages().keySet()),
        "the same pages");
    List<String> differing = new ArrayList<>();
    for (Page p : full.values()) {
      Page q = incremental.pages().get(p.path());
      if (!new String(p.bytes(), StandardCharsets.UTF_8)
          .equals(new String(q.bytes(), StandardCharsets.UTF_8))) {
        differing.add(p.path());
      }
    }
    assertEquals(List.of(), differing, "pages whose incremental rendering differs");
    return incremental;
  }

  private List<Path> filesWith(String text) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(plans)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        if (Files.readString(f).contains(text)) {
          found.add(f);
        }
      }
    }
    return found;
  }

  private Path anyFileWith(String text) throws IOException {
    try (Stream<Path> files = Files.walk(plans)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        if (Files.readString(f).contains(text)) {
          return f;
        }
      }
    }
    throw new AssertionError("no demo file contains " + text);
  }

  private static void replaceFirst(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    int at = text.indexOf(from);
    Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }
}
