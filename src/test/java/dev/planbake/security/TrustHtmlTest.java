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

/** Sanitising is on unless asked off, and turning it off is said out loud on every build. */
class TrustHtmlTest {
  private static final String PLAN = "# A\n\n<script>alert(1)</script>\n\n- [ ] box\n";

  @Test
  void byDefaultScriptsAreDroppedAndNothingIsSaid(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a.md", PLAN);
    Cli cli = build(site);
    assertAll(
        () -> assertEquals(0, cli.exit(), cli.err()),
        () -> assertTrue(cli.err().contains("a.md:3: warning: raw HTML with script"), cli.err()),
        () -> assertFalse(cli.err().contains("published as written"), cli.err()),
        () -> assertFalse(cli.out().contains("not sanitised"), cli.out()),
        () -> assertFalse(page(site).contains("<script>alert(1)")));
  }

  @Test
  void trustHtmlKeepsThemAndWarnsInTheSummary(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a.md", PLAN);
    Cli cli = build(site, "--trust-html");
    assertAll(
        () -> assertEquals(0, cli.exit(), cli.err()),
        () ->
            assertEquals(
                "warning: raw HTML in plans is published as written, scripts included"
                    + " (--trust-html or trust_html: true); use it only for plans you trust\n",
                cli.err()),
        () -> assertTrue(cli.out().strip().endsWith(", HTML not sanitised"), cli.out()),
        () -> assertTrue(page(site).contains("<script>alert(1)</script>")));
  }

  @Test
  void theConfigKeyWarnsToo(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, "a.md", PLAN);
    Path config = tmp.resolve("planbake.yml");
    Files.writeString(config, "trust_html: true\n");
    Cli cli = build(site, "--config", config.toString());
    assertTrue(cli.err().startsWith("warning: raw HTML in plans is published"), cli.err());
  }

  private static Cli build(TestSite site, String... more) {
    String[] args = {"build", "--plans", site.plans().toString(), "--out", site.out().toString()};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  private static String page(TestSite site) throws IOException {
    return Files.readString(site.out().resolve("plans/a/index.html"));
  }
}
