package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import dev.planbake.site.Site;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One line of references 100-200 KB long (issue 24): it once took 2.7-6.4 GB, as every target kept
 * its own copy of the line, or overflowed the stack, as a repeated regex group recursed once per
 * id, and the plan's page disappeared. The inputs are in the replayed fuzz corpus too ({@code
 * huge-line-*}).
 */
class HugeReferenceLinesTest {
  /** Generous: a linear reader allocates a few dozen bytes per input byte; the old one, 80,000. */
  private static final long BYTES_PER_INPUT_BYTE = 400;

  @Test
  void aLineNamingOneIssueFortyThousandTimesTakesMemoryInProportion() {
    String line = "Depends on: " + "#48 ".repeat(40_000);
    String prose = "We mention Unit 1.1 here. ".repeat(8_000);
    for (String text : List.of(line, prose)) {
      long allocated = allocatedWhileParsing("# A\n\n" + text + "\n");
      assertTrue(
          allocated < BYTES_PER_INPUT_BYTE * text.length(),
          String.format("%,d bytes allocated for a %,d-character line", allocated, text.length()));
    }
  }

  @Test
  void aLineOfTwentyThousandUnitIdsNeitherOverflowsTheStackNorLosesThePage(@TempDir Path tmp)
      throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            "# A\n\nDepends on: " + "Unit 9.9, ".repeat(20_000) + "\n",
            "b.md",
            "# B\n\nRequires: Units " + "1.1, 1.2 and ".repeat(15_000) + "2.0\n");
    Site.Result r = Site.build(site.settings());
    List<String> lines = TestSite.lines(r);
    assertAll(
        () -> assertFalse(lines.toString().contains("internal error"), lines.toString()),
        () -> assertTrue(Files.exists(site.out().resolve("plans/a/index.html"))),
        () -> assertTrue(Files.exists(site.out().resolve("plans/b/index.html"))),
        () ->
            assertEquals(
                List.of(
                    "a.md:3: error: dangling reference: Unit 9.9 does not exist (no unit has that"
                        + " name; write it as a plan first or fix the reference)",
                    "b.md:3: error: dangling reference: Unit 1.1 does not exist (no unit has that"
                        + " name; write it as a plan first or fix the reference)",
                    "b.md:3: error: dangling reference: Unit 1.2 does not exist (no unit has that"
                        + " name; write it as a plan first or fix the reference)",
                    "b.md:3: error: dangling reference: Unit 2.0 does not exist (no unit has that"
                        + " name; write it as a plan first or fix the reference)"),
                lines));
  }

  private static long allocatedWhileParsing(String text) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    Plan plan =
        PlanParser.parse(
            new PlanSource(Path.of("plans"), "", List.of(new PlanSource.File("a.md", text))),
            new Diagnostics(Integer.MAX_VALUE));
    long after = threads.getThreadAllocatedBytes(id);
    assertFalse(plan.units().isEmpty());
    return after - before;
  }
}
