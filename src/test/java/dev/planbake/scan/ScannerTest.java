package dev.planbake.scan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
  @TempDir Path tmp;
  final Diagnostics diagnostics = new Diagnostics();

  @Test
  void aSourceNameResolvesOnlyToAnEntryInsideThePlansFolder() {
    Path root = tmp.resolve("plans");
    assertAll(
        () -> assertEquals(root.resolve("sub").resolve("a.md"), Entries.entry(root, "sub/a.md")),
        () -> assertEquals(root.resolve("a\\b.md"), Entries.entry(root, "a\\b.md")),
        () -> assertEquals(null, Entries.entry(root, "../secret.md")),
        () -> assertEquals(null, Entries.entry(root, "sub/../../secret.md")),
        () -> assertEquals(null, Entries.entry(root, "/etc/passwd")),
        () -> assertEquals(null, Entries.entry(root, "./a.md")),
        () -> assertEquals(null, Entries.entry(root, "")),
        () -> assertEquals("sub/a\\b.md", Entries.slashed(Path.of("sub", "a\\b.md"))));
  }

  @Test
  void aFileThatCannotBeReadSaysWhy() throws IOException {
    // Root reads every file whatever its mode: only another user can see this refusal.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads every file");
    TestSite site = TestSite.of(tmp, "locked.md", "# Locked\n", "open.md", "# Open\n");
    java.nio.file.Files.setPosixFilePermissions(site.file("locked.md"), java.util.Set.of());
    new Scanner(List.of(), 1 << 20, diagnostics).scan(List.of(site.plans()));
    assertEquals(
        List.of("locked.md: error: cannot read: permission denied"),
        diagnostics.inOrder().stream().map(TestSite::line).toList());
  }

  @Test
  void findsMarkdownFilesInPathOrder() throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === units/unit-1-10.md ===
            # Unit 1.10
            === units/unit-1-2.md ===
            # Unit 1.2
            === notes.txt ===
            not Markdown
            === README.MD ===
            # Readme
            === .git/HEAD.md ===
            not a plan
            === web/node_modules/pkg/README.md ===
            not a plan
            """);
    assertEquals(
        List.of("README.MD", "units/unit-1-10.md", "units/unit-1-2.md"), sources(scan(site)));
  }

  @Test
  void aFeatureFolderIsOnePlanWithPlanMdFirst() throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === specs/001-user-auth/tasks.md ===
            - [ ] T001
            === specs/001-user-auth/spec.md ===
            # Feature Specification: User auth
            === specs/001-user-auth/research.md ===
            # Research
            === specs/001-user-auth/contracts/api.md ===
            # API
            === specs/001-user-auth/plan.md ===
            # Implementation Plan: User auth
            === specs/overview.md ===
            # Overview
            """);
    List<PlanSource> plans = scan(site);
    assertEquals(2, plans.size());
    PlanSource feature = plans.get(0);
    assertAll(
        () -> assertEquals("specs/001-user-auth", feature.folder()),
        () ->
            assertEquals(
                List.of(
                    "specs/001-user-auth/plan.md",
                    "specs/001-user-auth/spec.md",
                    "specs/001-user-auth/tasks.md",
                    "specs/001-user-auth/contracts/api.md",
                    "specs/001-user-auth/research.md"),
                feature.files().stream().map(PlanSource.File::source).toList()),
        () -> assertEquals("specs/overview.md", plans.get(1).primary().source()),
        () -> assertEquals("", plans.get(1).folder()));
  }

  @Test
  void aNumberedFolderWithoutSpecPlanOrTasksIsNoFeatureFolder() throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === 2026-q1/a.md ===
            # A
            === 2026-q1/b.md ===
            # B
            """);
    List<PlanSource> plans = scan(site);
    assertAll(
        () -> assertEquals(List.of("2026-q1/a.md", "2026-q1/b.md"), sources(plans)),
        () -> assertTrue(plans.stream().noneMatch(PlanSource::isFeatureFolder)));
  }

  @Test
  void ignoreGlobsSkipFilesAndFolders() throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === plan.md ===
            # Kept
            === drafts/idea.md ===
            # Skipped
            === drafts/deeper/idea.md ===
            # Skipped
            === old.tmp.md ===
            # Skipped
            === units/a.md ===
            # Kept
            """);
    List<PlanSource> plans =
        new Scanner(List.of("drafts", "*.tmp.md"), 1_000_000, diagnostics)
            .scan(List.of(site.plans()));
    assertEquals(List.of("plan.md", "units/a.md"), sources(plans));
  }

  @Test
  void invalidUtf8IsAWarningAndTheFileIsStillRead() throws IOException {
    TestSite site = TestSite.of(tmp);
    site.write(
        "bad.md",
        concat(
            "# Bad bytes\n\n- [x] fine\n- [ ] caf".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xE9},
            " au lait\n".getBytes(StandardCharsets.UTF_8)));
    List<PlanSource> plans = scan(site);
    assertAll(
        () -> assertEquals("# Bad bytes\n\n- [x] fine\n- [ ] caf\uFFFD au lait\n", text(plans)),
        () ->
            assertEquals(
                List.of(
                    "bad.md:4: warning: invalid UTF-8 (byte 0xE9); shown as \uFFFD"
                        + " (save the file as UTF-8)"),
                problems()));
  }

  @Test
  void aReplacementCharacterWrittenInValidUtf8IsNoWarning() throws IOException {
    // The fast decoding path treats U+FFFD as a sign of a bad byte and decodes again strictly.
    TestSite site = TestSite.of(tmp);
    site.write("ok.md", "# Fine\n\nA \uFFFD written on purpose.\n");
    List<PlanSource> plans = scan(site);
    assertAll(
        () -> assertEquals("# Fine\n\nA \uFFFD written on purpose.\n", text(plans)),
        () -> assertEquals(List.of(), problems()));
  }

  @Test
  void aCachedScanReusesUnchangedFilesRereadsChangedOnesAndRepeatsTheirWarnings()
      throws IOException {
    TestSite site = TestSite.of(tmp);
    site.write("a.md", "# A\n\n- [ ] one\n");
    site.write(
        "bad.md", concat("# Bad caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9}));
    Scanner.Cache cache = new Scanner.Cache();
    Diagnostics first = new Diagnostics();
    List<PlanSource> before =
        new Scanner(List.of(), 1000, first).withCache(cache).scan(List.of(site.plans()));
    // Same size, new content: the modification time tells it apart.
    site.write("a.md", "# A\n\n- [x] one\n");
    Diagnostics second = new Diagnostics();
    List<PlanSource> after =
        new Scanner(List.of(), 1000, second).withCache(cache).scan(List.of(site.plans()));
    assertAll(
        () -> assertEquals("# A\n\n- [x] one\n", after.get(0).primary().text()),
        () -> assertSame(before.get(1).primary(), after.get(1).primary(), "unchanged: not read"),
        () -> assertEquals(1, second.warnings(), "the cached file's warning is reported again"));
  }

  @Test
  void aByteOrderMarkIsDropped() throws IOException {
    TestSite site = TestSite.of(tmp);
    site.write(
        "bom.md",
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "# Plan\n".getBytes()));
    assertAll(
        () -> assertEquals("# Plan\n", text(scan(site))),
        () -> assertEquals(List.of(), problems()));
  }

  @Test
  void utf16WithoutAByteOrderMarkIsReadAsUtf16AndSaysSo() throws IOException {
    String plan = "# Plan\n\n- [x] one\n- [ ] two\n";
    TestSite site = TestSite.of(tmp);
    site.write("le.md", plan.getBytes(StandardCharsets.UTF_16LE));
    site.write("be.md", plan.getBytes(StandardCharsets.UTF_16BE));
    site.write("bom.md", plan.getBytes(StandardCharsets.UTF_16)); // big-endian, with its mark
    List<PlanSource> plans = scan(site);
    assertAll(
        () ->
            assertEquals(
                List.of(plan, plan, plan), plans.stream().map(p -> text(List.of(p))).toList()),
        () ->
            assertEquals(
                List.of(
                    "be.md:1: warning: file looks like UTF-16BE without a byte order mark (every"
                        + " other byte is zero); read as UTF-16BE (save the file as UTF-8)",
                    "le.md:1: warning: file looks like UTF-16LE without a byte order mark (every"
                        + " other byte is zero); read as UTF-16LE (save the file as UTF-8)"),
                problems()),
        () -> assertEquals(6, site.check().repository().progress().total(), "every box counts"));
  }

  @Test
  void anOversizedFileIsSkippedWithAnError() throws IOException {
    TestSite site =
        TestSite.of(tmp, "small.md", "# Small\n", "big.md", "# Big\n" + "x".repeat(100));
    List<PlanSource> plans = new Scanner(List.of(), 50, diagnostics).scan(List.of(site.plans()));
    assertAll(
        () -> assertEquals(List.of("small.md"), sources(plans)),
        () ->
            assertEquals(
                List.of(
                    "big.md: error: file is 106 bytes, above the limit of 50; skipped"
                        + " (raise max_file_size in planbake.yml if this is intended)"),
                problems()));
  }

  @Test
  void aMissingPlansFolderIsAnIoError() {
    Path missing = tmp.resolve("nope");
    IOException e =
        assertThrows(
            IOException.class,
            () -> new Scanner(List.of(), 1000, diagnostics).scan(List.of(missing)));
    assertEquals("plans folder not found: " + missing, e.getMessage());
  }

  @Test
  void severalRootsAreReadInTheOrderGiven() throws IOException {
    TestSite b = TestSite.of(tmp.resolve("b"), "x.md", "# X\n");
    TestSite a = TestSite.of(tmp.resolve("a"), "y.md", "# Y\n");
    List<PlanSource> plans =
        new Scanner(List.of(), 1000, diagnostics).scan(List.of(b.plans(), a.plans()));
    assertAll(
        () -> assertEquals(List.of("x.md", "y.md"), sources(plans)),
        () -> assertEquals(b.plans(), plans.get(0).root()),
        () -> assertEquals(a.plans(), plans.get(1).root()));
  }

  private List<PlanSource> scan(TestSite site) throws IOException {
    return new Scanner(List.of(), 1_000_000, diagnostics).scan(List.of(site.plans()));
  }

  private static List<String> sources(List<PlanSource> plans) {
    return plans.stream().map(p -> p.primary().source()).toList();
  }

  private static String text(List<PlanSource> plans) {
    assertEquals(1, plans.size());
    return plans.get(0).primary().text();
  }

  private List<String> problems() {
    return diagnostics.sorted().stream().map(TestSite::line).toList();
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
