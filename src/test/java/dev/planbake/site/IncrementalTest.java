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
  void editsInAGroupedGraphRenderTheSameSiteAsAFullBuild() throws IOException {
    // Above 150 units the graph is split into group pages, which a rebuild keeps when none of
    // their units changed.
    Path corpus = tmp.resolve("gen");
    dev.planbake.GenPlans.generate(corpus, 220, 5, false);
    plans = corpus.resolve("plans");
    settings = settings.withPlans(List.of(plans));
    session = new Session(settings, true);
    Session.Update first = session.refresh();
    assertTrue(
        first.pages().keySet().stream().filter(p -> p.startsWith("graph/")).count() > 2,
        "grouped graph pages");
    replaceFirst(anyFileWith("- [ ] "), "- [ ] ", "- [x] ");
    assertSameAsFullBuild();
    Path file = anyFileWith("- [x] ");
    replaceFirst(file, "- [x] ", "- [ ] ");
    assertSameAsFullBuild();
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
