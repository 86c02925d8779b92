package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.model.Plan;
import dev.planbake.site.Session;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Linux and macOS a backslash is an ordinary character of a file name: {@code ..\secret.md} is a
 * file inside the plans folder, not a way out of it. Every plan is read from the directory entry
 * the walk found and shown by the name it has (issue 24 item 1).
 */
@DisabledOnOs(OS.WINDOWS)
class BackslashNamesTest {
  @Test
  void backslashNamesReadTheFileInsideNeverOneOutside(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("secret.md"), "# OUTSIDE-SECRET\n\n- [ ] leaked\n");
    Path abs = Files.createDirectories(tmp.resolve("abs"));
    Files.writeString(abs.resolve("notes.md"), "# ABSOLUTE-SECRET\n");
    String absName = abs.resolve("notes.md").toString().replace('/', '\\');
    TestSite site =
        TestSite.of(
            tmp,
            "..\\secret.md",
            "# Dotdot inside\n\n- [x] one\n",
            absName,
            "# Absolute inside\n",
            "a\\b.md",
            "# Backslash inside\n\n- [ ] two\n",
            "sub/..\\..\\secret.md",
            "# Nested inside\n");
    Site.Result r = site.build();

    List<String> sources = r.repository().plans().stream().map(Plan::source).sorted().toList();
    List<String> titles = r.repository().plans().stream().map(Plan::title).sorted().toList();
    String everything = allText(site.out());
    assertAll(
        () -> assertEquals(0, r.errors(), TestSite.lines(r).toString()),
        () ->
            assertEquals(
                List.of("..\\secret.md", "a\\b.md", "sub/..\\..\\secret.md", absName).stream()
                    .sorted()
                    .toList(),
                sources),
        () ->
            assertEquals(
                List.of("Absolute inside", "Backslash inside", "Dotdot inside", "Nested inside"),
                titles),
        () -> assertTrue(!everything.contains("OUTSIDE-SECRET"), "read a file outside --plans"),
        () -> assertTrue(!everything.contains("ABSOLUTE-SECRET"), "read an absolute path"),
        // status.json names each file as it is (the JSON escape of one backslash is two).
        () -> assertTrue(everything.contains("\"a\\\\b.md\""), "a\\b.md is not shown by its name"));
  }

  @Test
  void anEditedBackslashFileIsReadAgainFromItsOwnEntry(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("secret.md"), "# OUTSIDE-SECRET\n");
    TestSite site = TestSite.of(tmp, "..\\secret.md", "# Before\n", "a\\b.md", "# B before\n");
    Session session = new Session(site.settings(), false);
    session.refresh();
    site.write("..\\secret.md", "# After\n");
    site.write("a\\b.md", "# B after\n");
    Session.Update u = session.refresh(Set.of(site.file("..\\secret.md"), site.file("a\\b.md")));
    List<String> titles =
        u.result().repository().plans().stream().map(Plan::title).sorted().toList();
    assertEquals(List.of("After", "B after"), titles);
  }

  @Test
  void problemsNameTheFileAsItIs(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, "..\\bad.md", "# Bad\n\nDepends on: Unit 9.9\n");
    Site.Result r = site.check();
    assertTrue(
        TestSite.lines(r).stream().anyMatch(l -> l.startsWith("..\\bad.md:3: error:")),
        TestSite.lines(r).toString());
    String shown = r.diagnostics().get(0).position().display(tmp);
    assertEquals("plans/..\\bad.md:3", shown);
  }

  private static String allText(Path out) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".html") || name.endsWith(".json") || name.endsWith(".js")) {
          b.append(Files.readString(f)).append('\n');
        }
      }
    }
    return b.toString();
  }
}
