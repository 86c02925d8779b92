package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.StatusFile;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics cap keeps a flood of warnings off the terminal, but never an error: 1,200
 * warnings in one plan, then one dangling dependency in another, and the error is printed by {@code
 * check} (text and GitHub formats), kept in status.json and listed on the problems page (issue 24
 * item 6).
 */
class ErrorsNeverCappedTest {
  private static final String ERROR = "dangling reference: Unit 9.9 does not exist";

  @Test
  void oneErrorAfterAFloodOfWarningsIsShownEverywhere(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a-noisy.md",
            "# Noisy\n\n" + "[x](javascript:alert(1))\n\n".repeat(1200),
            "b-broken.md",
            "# Unit 2.0: Broken\n\n**Depends on:** Unit 9.9\n");
    String plans = site.plans().toString();
    Cli text = Cli.run("check", "--plans", plans);
    Cli github = Cli.run("check", "--plans", plans, "--format", "github");
    Cli links = Cli.run("check", "--plans", plans, "--links");
    Cli build = Cli.run("build", "--plans", plans, "--out", site.out().toString());
    StatusFile status = StatusFile.read(site.out().resolve("status.json"));
    String problemsPage = Files.readString(site.out().resolve("problems/index.html"));
    assertAll(
        () -> assertEquals(1, text.exit(), text.err()),
        () -> assertTrue(text.err().contains("b-broken.md:3: error: " + ERROR), tail(text.err())),
        () ->
            assertTrue(
                text.err().contains("... and 200 more problems not shown"), tail(text.err())),
        () -> assertTrue(text.out().contains(" 1 error, 1,200 warnings"), text.out()),
        () -> assertTrue(github.out().contains("::error file="), tail(github.out())),
        () -> assertTrue(links.err().contains("b-broken.md:3: error: " + ERROR), tail(links.err())),
        () -> assertTrue(links.out().contains(" 1 error, 1,200 warnings"), links.out()),
        () -> assertTrue(github.out().contains(ERROR), tail(github.out())),
        () -> assertEquals(0, build.exit(), build.err()),
        () ->
            assertEquals(
                1, status.diagnostics().stream().filter(p -> p.severity().equals("error")).count()),
        () -> assertTrue(problemsPage.contains(ERROR), "the problems page lists the error"));
  }

  private static String tail(String s) {
    return s.substring(Math.max(0, s.length() - 2000));
  }
}
