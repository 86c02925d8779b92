package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Folder fixtures named after the behaviour they show: {@code sites/invalid/<name>/} holds plans
 * that must give exactly the problems listed in its {@code expected.txt}, {@code
 * sites/valid/<name>/} plans that must give none (many are regression cases). {@code
 * -DupdateGolden=true} rewrites the expected files.
 */
class FixtureSitesTest {
  private static final Path SITES = Path.of("src", "test", "resources", "sites");
  private static final boolean UPDATE = Boolean.getBoolean("planbake.updateGolden");

  @TestFactory
  Stream<DynamicTest> invalidSitesGiveExactlyTheirExpectedProblems() throws IOException {
    return sites("invalid")
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      List<String> problems = problems(dir);
                      Path expected = dir.resolve("expected.txt");
                      if (UPDATE) {
                        Files.write(expected, problems);
                      }
                      List<String> want = Files.readAllLines(expected);
                      assertFalse(want.isEmpty(), "an invalid site expects problems");
                      assertEquals(want, problems);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> validSitesGiveNoProblems() throws IOException {
    return sites("valid")
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(), () -> assertEquals(List.of(), problems(dir))));
  }

  private static Stream<Path> sites(String kind) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(SITES.resolve(kind))) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(!dirs.isEmpty(), "no fixtures in " + SITES.resolve(kind));
    return dirs.stream();
  }

  private static List<String> problems(Path dir) throws IOException {
    return TestSite.lines(Site.check(Settings.defaults().withPlans(List.of(dir.resolve("plans")))));
  }
}
