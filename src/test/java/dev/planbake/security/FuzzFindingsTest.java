package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PlanFuzzTest found, as readable cases (the raw inputs stay in its seed folder as {@code
 * crash-*} files and are replayed on every build).
 */
class FuzzFindingsTest {
  /** crash-a7a99f63…: a relative link with a stray {@code %} threw in URLDecoder. */
  @Test
  void aLinkWithAStrayPercentSignDoesNotBreakTheBuild(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            "# A\n\n[link](j%avascript:alert(1)) and [sale](100%off.md) and [b](b%2Bc.md)\n",
            "b+c.md",
            "# B plus C\n");
    Cli cli = Cli.run("build", "--plans", site.plans().toString(), "--out", site.out().toString());
    String page = Files.readString(site.out().resolve("plans/a/index.html"));
    assertAll(
        () -> assertEquals(0, cli.exit(), cli.err()),
        () -> assertFalse(cli.err().contains("Exception"), cli.err()),
        () -> assertTrue(page.contains(">link</span>"), page),
        () -> assertTrue(page.contains("href=\"../../plans/b-c/\""), page));
  }
}
