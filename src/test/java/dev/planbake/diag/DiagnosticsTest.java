package dev.planbake.diag;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static final Path CWD = Path.of("/work/site");

  @Test
  void keepsErrorsAndWarningsUpToTheCapEachAndCountsTheRest() {
    Diagnostics d = new Diagnostics(2);
    d.add(Diagnostic.error(at("b.md", 2), "two"));
    d.add(Diagnostic.warning(at("a.md", 9), "nine"));
    d.add(Diagnostic.warning(at("c.md", 1), "kept"));
    d.add(Diagnostic.warning(at("c.md", 3), "dropped"));
    d.add(Diagnostic.error(at("a.md", 1), "one"));
    d.add(Diagnostic.error(at("c.md", 2), "dropped too"));
    assertAll(
        () -> assertEquals(3, d.errors()),
        () -> assertEquals(3, d.warnings()),
        () -> assertEquals(2, d.dropped()),
        () ->
            assertEquals(
                List.of("a.md:1 one", "a.md:9 nine", "b.md:2 two", "c.md:1 kept"),
                d.sorted().stream()
                    .map(x -> x.position().source() + ":" + x.position().line() + " " + x.message())
                    .toList()));
  }

  @Test
  void theDefaultCapIsAThousand() {
    Diagnostics d = new Diagnostics();
    IntStream.range(0, 1500).forEach(i -> d.add(Diagnostic.warning(at("x.md", i + 1), "w")));
    assertAll(
        () -> assertEquals(1000, d.sorted().size()),
        () -> assertEquals(1500, d.warnings()),
        () -> assertEquals(500, d.dropped()));
  }

  @Test
  void sortedByFileLineColumnSeverityAndMessage() {
    Diagnostics d = new Diagnostics();
    d.add(Diagnostic.warning(at("a.md", 3), "b"));
    d.add(Diagnostic.warning(at("a.md", 3), "a"));
    d.add(Diagnostic.error(at("a.md", 3), "z"));
    d.add(Diagnostic.error(new Position(CWD.resolve("plans/a.md"), "a.md", 3, 7), "column seven"));
    assertEquals(
        List.of("z", "a", "b", "column seven"),
        d.sorted().stream().map(Diagnostic::message).toList());
  }

  @Test
  void formatsAsCompilersDo() {
    Diagnostic plain = Diagnostic.error(at("units/a.md", 12), "dangling reference");
    Diagnostic hinted =
        Diagnostic.warning(new Position(CWD.resolve("plans/b.md"), "b.md", 3, 5), "empty")
            .withHint("add tasks");
    Diagnostic wholeFile = Diagnostic.error(at("c.md", 0), "too big");
    Diagnostic outside =
        Diagnostic.error(Position.of(Path.of("/elsewhere/d.md"), "d.md", 4), "far away");
    assertAll(
        () -> assertEquals("plans/units/a.md:12: error: dangling reference", plain.format(CWD)),
        () -> assertEquals("plans/b.md:3:5: warning: empty (add tasks)", hinted.format(CWD)),
        () -> assertEquals("plans/c.md: error: too big", wholeFile.format(CWD)),
        () -> assertEquals("/elsewhere/d.md:4: error: far away", outside.format(CWD)));
  }

  @Test
  void hintsSuggestTheNearestNames() {
    List<String> keys = List.of("title", "base_url", "plans", "output", "theme");
    assertAll(
        () -> assertEquals("did you mean `title`?", Hints.didYouMean("titel", keys)),
        () -> assertEquals("did you mean `plans`?", Hints.didYouMean("Plan", keys)),
        () -> assertEquals("", Hints.didYouMean("colour_scheme", keys)),
        () ->
            assertEquals(
                List.of("1.10", "1.1"), Hints.nearest("1.11", List.of("1.10", "1.1", "9.9"), 3)));
  }

  private static Position at(String source, int line) {
    return Position.of(CWD.resolve("plans").resolve(source), source, line);
  }
}
