package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.StatusFile;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the real corpus ({@code ../shared/corpus/real/<repo>/}, each repo one plans folder)
 * against the values verified by hand in {@code src/test/resources/corpus-expected/<repo>.json}.
 * One dynamic test per file, so a failure names it.
 */
class RealCorpusTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus", "real");
  private static final Path EXPECTED = Path.of("src", "test", "resources", "corpus-expected");

  @TempDir static Path out;

  /** One entry of an expectation file: what the file writes, read by a person. */
  record Expected(
      String source,
      String id,
      String style,
      String title,
      String declaredStatus,
      String status,
      int done,
      int total,
      List<String> aliases,
      List<String> dependsOn,
      List<String> enables,
      List<String> related,
      List<String> dangling) {}

  @TestFactory
  Stream<DynamicContainer> everyFileMatchesItsHandVerifiedExpectation() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXPECTED)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(5, files.size(), "expectation files in " + EXPECTED);
    return files.stream().map(RealCorpusTest::repo);
  }

  private static DynamicContainer repo(Path expectationFile) {
    String repo = expectationFile.getFileName().toString().replaceFirst("\\.json$", "");
    List<Expected> expected = read(expectationFile);
    Site.Result result = build(CORPUS.resolve(repo), out.resolve(repo));
    StatusFile status = StatusFile.read(out.resolve(repo).resolve("status.json"));
    Map<String, StatusFile.Unit> bySource = new HashMap<>();
    status.units().forEach(u -> bySource.put(u.source(), u));
    Map<String, Unit> model = new HashMap<>();
    result.repository().units().forEach(u -> model.put(u.id().toString(), u));
    Map<String, List<String>> files = new HashMap<>();
    result.repository().plans().forEach(p -> files.put(p.slug(), p.files()));

    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "every unit has an expectation",
            () ->
                assertEquals(
                    new TreeSet<>(expected.stream().map(Expected::source).toList()),
                    new TreeSet<>(bySource.keySet()))));
    for (Expected e : expected) {
      tests.add(
          DynamicTest.dynamicTest(
              e.source(), () -> check(e, expected, bySource, model, files, result.diagnostics())));
    }
    return DynamicContainer.dynamicContainer(repo, tests);
  }

  private static void check(
      Expected e,
      List<Expected> all,
      Map<String, StatusFile.Unit> bySource,
      Map<String, Unit> model,
      Map<String, List<String>> files,
      List<Diagnostic> diagnostics) {
    StatusFile.Unit u = bySource.get(e.source());
    assertNotNull(u, "no unit for " + e.source());
    Unit m = model.get(u.id());
    assertAll(
        e.source(),
        () -> assertEquals(e.id(), u.id(), "id"),
        () -> assertEquals(e.style(), u.style(), "style"),
        () -> assertEquals(e.title(), u.title(), "title"),
        () -> assertEquals(e.declaredStatus(), u.declaredStatus(), "declared_status"),
        () -> assertEquals(e.status(), u.status(), "status"),
        () -> assertEquals(e.done() + "/" + e.total(), u.done() + "/" + u.total(), "tasks"),
        () -> assertEquals(dependsOn(e, all), new TreeSet<>(u.dependsOn()), "depends_on"),
        () -> assertEquals(enables(e, all), new TreeSet<>(u.enables()), "enables"),
        () -> assertEquals(related(e, all), new TreeSet<>(u.related()), "related"),
        () -> assertEquals(e.aliases(), m.part().aliases(), "aliases"),
        () -> {
          // Only the targets named in "dangling" may be reported as missing depends-on targets.
          for (String error : danglingErrors(files.get(m.planSlug()), diagnostics)) {
            assertTrue(
                e.dangling().stream().anyMatch(error::contains),
                "unexpected error: " + error + " (expected dangling: " + e.dangling() + ")");
          }
        });
  }

  /** What the file writes, plus every unit that says it enables this one. */
  private static Set<String> dependsOn(Expected e, List<Expected> all) {
    Set<String> ids = new TreeSet<>(e.dependsOn());
    all.stream().filter(o -> o.enables().contains(e.id())).forEach(o -> ids.add(o.id()));
    return ids;
  }

  /** What the file writes, plus every unit that depends on this one. */
  private static Set<String> enables(Expected e, List<Expected> all) {
    Set<String> ids = new TreeSet<>(e.enables());
    all.stream().filter(o -> o.dependsOn().contains(e.id())).forEach(o -> ids.add(o.id()));
    return ids;
  }

  /**
   * Related is symmetric: what the file writes and what is written about it, minus dependencies.
   */
  private static Set<String> related(Expected e, List<Expected> all) {
    Set<String> ids = new TreeSet<>(e.related());
    all.stream().filter(o -> o.related().contains(e.id())).forEach(o -> ids.add(o.id()));
    ids.removeAll(dependsOn(e, all));
    ids.removeAll(enables(e, all));
    return ids;
  }

  /** Dangling depends-on errors reported in any file the unit is read from. */
  private static List<String> danglingErrors(List<String> files, List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.isError() && d.message().startsWith("dangling reference"))
        .filter(d -> files.contains(d.position().source()))
        .map(d -> d.position().source() + ":" + d.position().line() + ": " + d.message())
        .toList();
  }

  private static List<Expected> read(Path file) {
    try {
      List<Expected> out = new ArrayList<>();
      for (Object o : JSON.std.listFrom(Files.readString(file))) {
        Map<?, ?> e = (Map<?, ?>) o;
        out.add(
            new Expected(
                str(e, "source"),
                str(e, "id"),
                str(e, "style"),
                str(e, "title"),
                str(e, "declared_status"),
                str(e, "status"),
                ((Number) e.get("tasks_done")).intValue(),
                ((Number) e.get("tasks_total")).intValue(),
                strings(e, "aliases"),
                strings(e, "depends_on"),
                strings(e, "enables"),
                strings(e, "related"),
                strings(e, "dangling")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds one repository of a corpus as one plans folder into {@code into}. */
  static Site.Result build(Path plans, Path into) {
    try {
      return Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(into));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A string value of an expectation entry, or null. */
  static String str(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  /** A list value of an expectation entry, or an empty list. */
  static List<String> strings(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? List.of() : ((List<?>) v).stream().map(Object::toString).toList();
  }
}
