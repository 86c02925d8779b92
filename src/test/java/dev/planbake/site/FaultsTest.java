package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.GenPlans;
import dev.planbake.StatusFile;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input bar of PRODUCT.md §4 on {@code gen-plans --faults}: every broken file is reported
 * at its file and line, the clean plans are still read exactly, no stack trace reaches the user,
 * and {@code check} fails.
 */
class FaultsTest {
  @TempDir static Path tmp;
  static Path plans;
  static Site.Result result;
  static StatusFile status;

  @BeforeAll
  static void buildCorpusWithFaults() throws IOException {
    GenPlans.generate(tmp, 200, 1, true);
    plans = tmp.resolve("plans");
    result = Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(tmp.resolve("out")));
    status = StatusFile.read(tmp.resolve("out/status.json"));
  }

  @Test
  void everyFaultFileGetsADiagnosticAtItsFileAndLine() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(plans.resolve("faults"))) {
      files = s.map(f -> "faults/" + f.getFileName()).sorted().toList();
    }
    assertEquals(GenPlans.faults(tmp).stream().sorted().toList(), files);
    List<String> unreported = new ArrayList<>();
    for (String f : files) {
      boolean here =
          result.diagnostics().stream()
              .anyMatch(d -> d.position().source().equals(f) && d.position().line() > 0);
      // The second file of a cycle is named, with its line, in the cycle's one message.
      boolean named =
          result.diagnostics().stream()
              .anyMatch(
                  d -> Pattern.compile(Pattern.quote(f) + ":[1-9]").matcher(d.message()).find());
      if (!here && !named) {
        unreported.add(f);
      }
    }
    assertEquals(List.of(), unreported, "fault files without a file:line diagnostic");
  }

  @Test
  void theCleanPlansStillMatchTheTruth() {
    assertEquals(List.of(), GenPlans.differences(GenPlans.truth(tmp), status, List.of("faults/")));
  }

  @Test
  void theHugeChecklistAndTheDeepListAreCounted() {
    StatusFile.Unit huge = unit("faults/huge-checklist.md");
    StatusFile.Unit deep = unit("faults/deep-list.md");
    assertAll(
        () -> assertEquals("50000/50000", huge.done() + "/" + huge.total()),
        () -> assertEquals("0/2000", deep.done() + "/" + deep.total()));
  }

  @Test
  void checkExitsOneWithoutAStackTrace() {
    Cli cli = Cli.run("check", "--plans", plans.toString());

    assertEquals(1, cli.exit(), cli.err());
    assertFalse(cli.err().contains("Exception"), cli.err());
    assertFalse(cli.err().contains("\tat "), cli.err());
    assertTrue(
        cli.err().contains("faults/dangling.md:6: error: dangling reference: Unit 999.9"),
        cli.err());
  }

  @Test
  void buildWritesTheRestOfTheSiteWithoutAStackTrace() {
    Path out = tmp.resolve("cli-out");
    Cli cli = Cli.run("build", "--plans", plans.toString(), "--out", out.toString());

    assertEquals(0, cli.exit(), cli.err());
    assertFalse(cli.err().contains("Exception"), cli.err());
    assertFalse(cli.err().contains("\tat "), cli.err());
    for (String line : cli.err().lines().toList()) {
      assertTrue(
          line.matches(".*\\.md:\\d+: (error|warning): .*"), "not a file:line message: " + line);
    }
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    assertTrue(Files.isRegularFile(out.resolve("plans/xss/index.html")));
  }

  @Test
  void nothingIsLeftOutAsAnInternalError() {
    List<Diagnostic> internal =
        result.diagnostics().stream().filter(d -> d.message().contains("internal error")).toList();
    assertEquals(List.of(), internal);
  }

  private static StatusFile.Unit unit(String source) {
    return status.units().stream()
        .filter(u -> u.source().equals(source))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no unit for " + source));
  }
}
