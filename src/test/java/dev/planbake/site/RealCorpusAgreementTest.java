package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.StatusFile;
import dev.planbake.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second real corpus ({@code ../shared/corpus/real-2/<repo>/}, 21 public repositories Planbake
 * was not written against) against the values verified by hand in {@code
 * src/test/resources/corpus-expected-2/<repo>.json}: per unit its id, tasks done/total, depends-on
 * ids and declared status, and which dependency errors are right (a target that is not there).
 *
 * <p>It measures agreement field by field over every unit and holds the measured numbers as a
 * floor, so reading can only get better; the table it prints (and writes to {@code
 * target/corpus-2-agreement.md}) names every disagreement. Depends-on targets are compared by the
 * file they are read from, so an id spelled differently is one disagreement (the id), not two.
 */
class RealCorpusAgreementTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus", "real-2");
  private static final Path EXPECTED = Path.of("src", "test", "resources", "corpus-expected-2");

  /** Floors, in units agreeing (of {@link #UNITS}); raise them as reading improves. */
  private static final int UNITS = 161;

  private static final int TASKS_FLOOR = 161;
  private static final int DEPENDS_ON_FLOOR = 161;
  private static final int STATUS_FLOOR = 161;
  private static final int IDS_FLOOR = 161;
  private static final int WRONG_ERRORS_CEILING = 0;

  @TempDir static Path out;

  /** One entry of an expectation file: what the file writes, read by a person. */
  record Expected(
      String source,
      String id,
      String declaredStatus,
      int done,
      int total,
      List<String> dependsOn,
      List<String> dangling) {}

  /** What one repository scored. */
  record Score(
      String repo,
      int units,
      int found,
      int ids,
      int tasks,
      int dependsOn,
      int status,
      int edgesExpected,
      int edgesFound,
      int wrongErrors,
      List<String> misses) {}

  @Test
  void readingAgreesWithTheHandVerifiedExpectations() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXPECTED)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(21, files.size(), "expectation files in " + EXPECTED);
    List<Score> scores = files.stream().map(RealCorpusAgreementTest::score).toList();
    String table = table(scores);
    System.out.println(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "corpus-2-agreement.md"), table);

    int units = sum(scores, Score::units);
    assertAll(
        () -> assertEquals(UNITS, units, "units expected"),
        () -> assertTrue(sum(scores, Score::tasks) >= TASKS_FLOOR, "tasks\n" + table),
        () -> assertTrue(sum(scores, Score::dependsOn) >= DEPENDS_ON_FLOOR, "depends_on\n" + table),
        () -> assertTrue(sum(scores, Score::status) >= STATUS_FLOOR, "declared_status\n" + table),
        () -> assertTrue(sum(scores, Score::ids) >= IDS_FLOOR, "ids\n" + table),
        () ->
            assertTrue(
                sum(scores, Score::wrongErrors) <= WRONG_ERRORS_CEILING, "wrong errors\n" + table));
  }

  private static Score score(Path expectationFile) {
    String repo = expectationFile.getFileName().toString().replaceFirst("\\.json$", "");
    List<Expected> expected = read(expectationFile);
    Site.Result result = RealCorpusTest.build(CORPUS.resolve(repo), out.resolve(repo));
    StatusFile status = StatusFile.read(out.resolve(repo).resolve("status.json"));
    Map<String, StatusFile.Unit> bySource = new HashMap<>();
    Map<String, String> sourceOfId = new HashMap<>();
    for (StatusFile.Unit u : status.units()) {
      bySource.putIfAbsent(u.source(), u);
      sourceOfId.put(u.id(), u.source());
    }
    Map<String, String> expectedSourceOfId = new HashMap<>();
    expected.forEach(e -> expectedSourceOfId.put(e.id(), e.source()));

    int found = 0, ids = 0, tasks = 0, deps = 0, statuses = 0, edgesExpected = 0, edgesFound = 0;
    List<String> misses = new ArrayList<>();
    for (Expected e : expected) {
      edgesExpected += e.dependsOn().size();
      StatusFile.Unit u = bySource.get(e.source());
      if (u == null) {
        misses.add(e.source() + ": no unit read from this file");
        continue;
      }
      found++;
      edgesFound += u.dependsOn().size();
      if (e.id().equals(u.id())) ids++;
      else misses.add(e.source() + ": id " + u.id() + ", expected " + e.id());
      if (e.done() == u.done() && e.total() == u.total()) tasks++;
      else
        misses.add(
            e.source()
                + ": tasks "
                + u.done()
                + "/"
                + u.total()
                + ", expected "
                + e.done()
                + "/"
                + e.total());
      Set<String> want = targets(e.dependsOn(), expectedSourceOfId);
      Set<String> got = targets(u.dependsOn(), sourceOfId);
      if (want.equals(got)) deps++;
      else misses.add(e.source() + ": depends on " + got + ", expected " + want);
      if (Objects.equals(e.declaredStatus(), declared(u))) statuses++;
      else
        misses.add(e.source() + ": declared " + declared(u) + ", expected " + e.declaredStatus());
    }
    int wrong = 0;
    Map<String, Expected> expectedBySource = new HashMap<>();
    expected.forEach(e -> expectedBySource.put(e.source(), e));
    for (Diagnostic d : result.diagnostics()) {
      if (!d.isError()) continue;
      Expected e = expectedBySource.get(d.position().source());
      if (e == null) {
        // A folder unit (spec-kit, Kiro, OpenSpec) is expected by its tasks.md; its other files
        // (design.md, spec.md) speak for it too.
        e = expectedBySource.get(folderOf(d.position().source()) + "/tasks.md");
      }
      boolean right =
          d.message().startsWith("dangling reference")
              && e != null
              && e.dangling().stream().anyMatch(d.message()::contains);
      if (!right) {
        wrong++;
        misses.add(d.position().source() + ":" + d.position().line() + ": " + d.message());
      }
    }
    return new Score(
        repo,
        expected.size(),
        found,
        ids,
        tasks,
        deps,
        statuses,
        edgesExpected,
        edgesFound,
        wrong,
        misses);
  }

  private static String folderOf(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }

  /** status.json writes "none" where the expectations write null: no status declared. */
  private static String declared(StatusFile.Unit u) {
    return "none".equals(u.declaredStatus()) ? null : u.declaredStatus();
  }

  /** Targets as the files they are read from; an id read from no file stays as written. */
  private static Set<String> targets(List<String> ids, Map<String, String> sourceOfId) {
    Set<String> out = new TreeSet<>();
    ids.forEach(id -> out.add(sourceOfId.getOrDefault(id, "?" + id)));
    return out;
  }

  private static String table(List<Score> scores) {
    StringBuilder b = new StringBuilder();
    b.append("| repository | units | read | ids | tasks | depends on | declared status")
        .append(" | edges expected | edges found | wrong errors |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Score s : scores) {
      b.append(
          String.format(
              "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
              s.repo(),
              s.units(),
              s.found(),
              s.ids(),
              s.tasks(),
              s.dependsOn(),
              s.status(),
              s.edgesExpected(),
              s.edgesFound(),
              s.wrongErrors()));
    }
    b.append(
        String.format(
            "| **all** | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n%n",
            sum(scores, Score::units),
            sum(scores, Score::found),
            sum(scores, Score::ids),
            sum(scores, Score::tasks),
            sum(scores, Score::dependsOn),
            sum(scores, Score::status),
            sum(scores, Score::edgesExpected),
            sum(scores, Score::edgesFound),
            sum(scores, Score::wrongErrors)));
    for (Score s : scores) {
      s.misses().forEach(m -> b.append("- ").append(s.repo()).append(" ").append(m).append('\n'));
    }
    return b.toString();
  }

  private static int sum(List<Score> scores, java.util.function.ToIntFunction<Score> f) {
    return scores.stream().mapToInt(f).sum();
  }

  private static List<Expected> read(Path file) {
    try {
      List<Expected> out = new ArrayList<>();
      for (Object o : JSON.std.listFrom(Files.readString(file))) {
        Map<?, ?> e = (Map<?, ?>) o;
        out.add(
            new Expected(
                RealCorpusTest.str(e, "source"),
                RealCorpusTest.str(e, "id"),
                RealCorpusTest.str(e, "declared_status"),
                ((Number) e.get("tasks_done")).intValue(),
                ((Number) e.get("tasks_total")).intValue(),
                RealCorpusTest.strings(e, "depends_on"),
                RealCorpusTest.strings(e, "dangling")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
