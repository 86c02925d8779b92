package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.StatusFile;
import dev.planbake.TestSite;
import dev.planbake.model.SafePath;
import dev.planbake.model.UnitId;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No title, file name or id can place a file outside the output folder or give it a name some
 * filesystem cannot hold, and names that differ only in case never share a folder.
 */
class PathSafetyTest {
  /** Ids written by hand in front matter, each of which once could have become a path. */
  private static final List<String> HOSTILE_IDS =
      List.of(
          "../../../escaped",
          "..",
          ".",
          "/etc/passwd",
          "C:\\\\Windows\\\\system32",
          "a\\0b",
          "CON",
          "nul.txt",
          "com1",
          "LPT9.md",
          "x".repeat(600),
          "ABC",
          "abc",
          "Abc",
          ".hidden",
          "trailing.",
          "spaces and / slashes",
          "ünïcödé",
          "%2e%2e%2f",
          "a?b#c");

  @Test
  void hostileUnitIdsStayInsideTheOutputWithSafeDistinctNames(@TempDir Path tmp)
      throws IOException {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < HOSTILE_IDS.size(); i++) {
      files.add("p" + i + ".md");
      files.add("---\nunit: \"" + HOSTILE_IDS.get(i) + "\"\n---\n# Plan " + i + "\n\n- [ ] x\n");
    }
    TestSite site = TestSite.of(tmp, files.toArray(String[]::new));
    Site.Result r = site.build();

    List<String> paths = outputPaths(site.out());
    StatusFile status = StatusFile.read(site.out().resolve("status.json"));
    assertAll(
        () -> assertEquals(0, r.errors(), TestSite.lines(r).toString()),
        () -> assertEquals(HOSTILE_IDS.size(), status.units().size()),
        () -> assertSafe(paths),
        () -> assertTrue(Files.notExists(tmp.resolve("escaped"))),
        () -> assertTrue(Files.notExists(tmp.getParent().resolve("escaped"))));
  }

  @Test
  void plansWhoseNamesDifferOnlyInCaseGetDistinctUrls(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "Auth.md",
            "# Upper\n",
            "auth.md",
            "# Lower\n",
            "AUTH.MD",
            "# Shout\n",
            "con.md",
            "# Device name\n",
            "aux/plan.md",
            "# Device folder\n",
            "y".repeat(240) + ".md",
            "# Long\n");
    Site.Result r = site.build();
    List<String> paths = outputPaths(site.out());
    long planPages = paths.stream().filter(p -> p.matches("plans/[^/]+/index\\.html")).count();
    assertAll(
        () -> assertEquals(0, r.errors(), TestSite.lines(r).toString()),
        () -> assertEquals(6, planPages, paths.toString()),
        () -> assertTrue(paths.contains("plans/con-plan/index.html"), paths.toString()),
        () -> assertTrue(paths.contains("plans/aux-plan/index.html"), paths.toString()),
        () -> assertSafe(paths));
  }

  @Test
  void unitIdPathsAreStableSafeAndCaseDistinct() {
    assertAll(
        () -> assertEquals("1.0", UnitId.global("1.0").path()),
        () -> assertEquals("auth-units/1.1", UnitId.parse("auth-units#1.1").path()),
        () -> assertEquals("001-user-auth", UnitId.global("001-user-auth").path()),
        () -> assertEquals(UnitId.global("ABC").path(), UnitId.global("ABC").path()),
        () -> assertNotEquals(UnitId.global("ABC").path(), UnitId.global("abc").path()),
        () -> assertTrue(UnitId.global("ABC").path().matches("abc-[0-9a-f]{8}")),
        () -> assertTrue(SafePath.segment("..").matches("id-[0-9a-f]{8}")),
        () -> assertTrue(SafePath.segment("con").matches("con-[0-9a-f]{8}")),
        () -> assertTrue(SafePath.segment("x".repeat(600)).length() <= SafePath.MAX),
        () -> assertEquals("a-b-", SafePath.segment("a/b").substring(0, 4)));
  }

  @Test
  void aSymlinkOutOfThePlansFolderIsNotFollowedAndSaysSo(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "inside.md", "# Inside\n", "sub/real.md", "# Real\n");
    Path secret = Files.createDirectories(tmp.resolve("secret"));
    Files.writeString(secret.resolve("passwords.md"), "# Passwords\n");
    Files.writeString(tmp.resolve("secret-file.md"), "# Secret file\n");
    Files.createSymbolicLink(site.file("outside"), secret);
    Files.createSymbolicLink(site.file("linked.md"), tmp.resolve("secret-file.md"));
    Files.createSymbolicLink(site.file("alias-of-sub"), site.file("sub"));
    Site.Result r = site.build();

    List<String> lines = TestSite.lines(r);
    List<String> paths = outputPaths(site.out());
    assertAll(
        () ->
            assertTrue(
                lines.contains(
                    "outside: warning: symbolic link to "
                        + secret
                        + " leads out of the plans folder; not followed (copy the files into the"
                        + " plans folder, or add it as another plans folder)"),
                lines.toString()),
        () ->
            assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("linked.md: warning: symbolic link to")),
                lines.toString()),
        () -> assertTrue(paths.stream().noneMatch(p -> p.contains("passwords")), paths.toString()),
        () -> assertTrue(paths.stream().noneMatch(p -> p.contains("linked")), paths.toString()),
        // A link that stays inside is followed like any folder.
        () -> assertEquals(3, r.repository().plans().size(), paths.toString()));
  }

  @Test
  void aSymlinkLoopIsReportedNotFollowedForever(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a/plan.md", "# A\n");
    Files.createSymbolicLink(site.file("a/back"), site.plans());
    Files.createSymbolicLink(site.file("self.md"), site.file("self.md"));
    Site.Result r = site.build();
    List<String> lines = TestSite.lines(r);
    assertAll(
        () ->
            assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("a/back: warning: symbolic link loop: ")),
                lines.toString()),
        () ->
            assertTrue(
                lines.contains(
                    "self.md: warning: symbolic link that cannot be followed (its target is"
                        + " missing, or links loop); skipped (remove the link or restore its"
                        + " target)"),
                lines.toString()),
        () -> assertEquals(1, r.repository().plans().size()));
  }

  /** Every output file is inside the folder, with portable names unique ignoring case. */
  private static void assertSafe(List<String> paths) {
    Map<String, String> byLower = new HashMap<>();
    for (String p : paths) {
      assertTrue(!p.startsWith("/") && !p.contains(".."), p);
      for (String segment : p.split("/")) {
        assertTrue(segment.matches("[a-z0-9][a-z0-9._-]*"), "unsafe name " + segment + " in " + p);
        assertTrue(segment.length() <= SafePath.MAX + ".html".length(), "long name in " + p);
        assertTrue(!SafePath.isReserved(segment), "reserved name in " + p);
      }
      String clash = byLower.put(p.toLowerCase(Locale.ROOT), p);
      assertTrue(clash == null, p + " and " + clash + " differ only in case");
    }
  }

  private static List<String> outputPaths(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .map(f -> out.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.equals(".planbake-output"))
          .sorted()
          .toList();
    }
  }
}
