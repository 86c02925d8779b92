package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized files, YAML bombs and deep nesting are reported at their file and line, and skipped.
 */
class ResourceLimitsTest {
  @Test
  void theDefaultLimitIsFiveMegabytes() {
    assertEquals(5L * 1024 * 1024, Settings.defaults().maxFileBytes());
  }

  @Test
  void aFileAboveTheLimitIsReportedAndSkipped(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(tmp, "small.md", "# Small\n", "big.md", "# Big\n\n" + "- [ ] x\n".repeat(200));
    Site.Result r = Site.build(site.settings().withMaxFileBytes(1000));
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "big.md: error: file is 1,607 bytes, above the limit of 1,000; skipped (raise"
                        + " max_file_size in planbake.yml if this is intended)"),
                TestSite.lines(r)),
        () -> assertEquals(1, r.repository().plans().size()),
        () -> assertTrue(Files.exists(site.out().resolve("plans/small/index.html"))));
  }

  @Test
  void theLimitIsSetInTheConfigFile(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "big.md", "# Big\n\n" + "- [ ] x\n".repeat(200));
    Path config = tmp.resolve("planbake.yml");
    Files.writeString(config, "max_file_size: 1kb\n");
    Cli cli = Cli.run("check", "--plans", site.plans().toString(), "--config", config.toString());
    assertAll(
        () -> assertEquals(1, cli.exit()),
        () ->
            assertTrue(
                cli.err().contains("big.md: error: file is 1,607 bytes, above the limit of 1,024"),
                cli.err()));
  }

  @Test
  void aYamlBombInFrontMatterIsReportedNotExpanded(@TempDir Path tmp) {
    StringBuilder bomb =
        new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = String.valueOf((char) (c - 1));
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(prev)
          .append(",*")
          .append(prev)
          .append(",*")
          .append(prev)
          .append(",*")
          .append(prev)
          .append(",*")
          .append(prev)
          .append("]\n");
    }
    bomb.append("---\n# Laughs\n\n- [ ] x\n");
    TestSite site = TestSite.of(tmp, "bomb.md", bomb.toString(), "ok.md", "# Fine\n");
    Site.Result r = site.build();
    List<String> lines = TestSite.lines(r);
    assertAll(
        () ->
            assertTrue(
                lines.stream().anyMatch(l -> l.matches("bomb\\.md:\\d+: .*")), lines.toString()),
        () -> assertEquals(2, r.repository().plans().size()),
        () ->
            assertTrue(
                lines.stream().noneMatch(l -> l.contains("internal error")), lines.toString()));
  }

  @Test
  void hugeFrontMatterIsRefused(@TempDir Path tmp) {
    String big = "---\ntitle: x\nnotes: \"" + "y".repeat(1_100_000) + "\"\n---\n# Big\n";
    TestSite site = TestSite.of(tmp, "big.md", big);
    Site.Result r = site.build();
    List<String> lines = TestSite.lines(r);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("big.md:")), lines.toString());
  }

  @Test
  void deeplyNestedPlansBuildWithAWarning(@TempDir Path tmp) {
    TestSite site =
        TestSite.of(
            tmp,
            "lists.md",
            "# Lists\n\n" + "- ".repeat(50_000) + "[ ] deep\n",
            "quotes.md",
            "# Quotes\n\n" + "> ".repeat(50_000) + "deep\n",
            "html.md",
            "# Html\n\n" + "<div>".repeat(50_000) + "deep" + "</div>".repeat(50_000) + "\n");
    Site.Result r = site.build();
    List<String> lines = TestSite.lines(r);
    assertAll(
        () -> assertEquals(0, r.errors(), lines.toString()),
        () ->
            assertTrue(
                lines.contains(
                    "lists.md:3: warning: nesting about 50000 levels deep; flattened below 200 levels (split the list into sections)"),
                lines.toString()),
        () -> assertTrue(Files.exists(site.out().resolve("plans/html/index.html"))));
  }
}
