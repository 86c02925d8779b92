package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.graph.Graph;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.SafePath;
import dev.planbake.parse.PlanParser;
import dev.planbake.render.Page;
import dev.planbake.render.Renderer;
import dev.planbake.scan.PlanSource;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Fuzzes the parse and render of one plan (front matter + Markdown): whatever the bytes, nothing
 * throws, nothing is left out as an internal error, every page path is safe, and no page carries a
 * script, an event handler or a script URL.
 *
 * <p>In the normal test suite this replays the seed corpus in {@code PlanFuzzTestInputs} (the real
 * plans, every {@code gen-plans --faults} file, and every crash found so far) in a few seconds. To
 * fuzz for real, see docs/security.md:
 *
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m \
 *   JAZZER_INSTRUMENTATION_INCLUDES='org.commonmark.**:org.snakeyaml.**:dev.planbake.**' \
 *   mvn test -Dtest=PlanFuzzTest
 * </pre>
 */
class PlanFuzzTest {
  /**
   * Inputs are cut to this size so that each run stays fast under Jazzer's hooks (the seeds include
   * the 4 MB deep list and the 400 KB checklist of {@code --faults}; cut, they still nest past the
   * cap and hold 8,000 tasks). Their whole-size runs are FaultsTest and HostileInputTest.
   */
  private static final int MAX_BYTES = 64 * 1024;

  /**
   * While fuzzing, a smaller cut: coverage-guided mutation of 20 KB plans finds as much and runs
   * many times faster than of 1 MB ones.
   */
  private static final int FUZZ_MAX_BYTES = 16 * 1024;

  private static final int CUT = System.getenv("JAZZER_FUZZ") != null ? FUZZ_MAX_BYTES : MAX_BYTES;

  private static final Renderer RENDERER =
      new Renderer(Settings.defaults().withTitle("Fuzz"), Site.GENERATOR);

  @FuzzTest(maxDuration = "5m")
  void fuzzPlan(byte[] input) throws IOException {
    byte[] bytes = input.length > CUT ? Arrays.copyOf(input, CUT) : input;
    String text = new String(bytes, StandardCharsets.UTF_8);
    Diagnostics d = new Diagnostics(Integer.MAX_VALUE);
    Plan plan =
        PlanParser.parse(
            new PlanSource(
                Path.of("plans"), "", List.of(new PlanSource.File("fuzz/plan.md", text))),
            d);
    Repository repo = Graph.build(PlanParser.uniqueSlugs(List.of(plan)), d);
    List<Diagnostic> problems = d.sorted();
    List<Page> pages = RENDERER.render(repo, problems);
    for (Diagnostic p : problems) {
      assertTrue(!p.message().contains("internal error"), p.message());
    }
    for (Page page : pages) {
      // The status lists and the 404 page hold the same titles as the dashboard; XssTest reads
      // them.
      if (!page.path().startsWith("status/") && !page.path().equals("404.html")) {
        check(page);
      }
    }
  }

  private static void check(Page page) throws IOException {
    String path = page.path();
    for (String segment : path.split("/")) {
      assertTrue(
          segment.matches("[a-z0-9][a-z0-9._-]*")
              && segment.length() <= SafePath.MAX + ".html".length()
              && !SafePath.isReserved(segment),
          "unsafe page path " + path);
    }
    String text = new String(page.bytes(), StandardCharsets.UTF_8);
    if (path.endsWith(".html")) {
      assertEquals(List.of(), HtmlSafety.problems(path, Jsoup.parse(text), false));
    } else if (path.endsWith(".svg") && !path.startsWith("assets/")) {
      assertEquals(
          List.of(), HtmlSafety.problems(path, Jsoup.parse(text, "", Parser.xmlParser()), true));
    } else if (path.endsWith(".json")) {
      JSON.std.anyFrom(text);
      assertTrue(!text.contains("<"), path + " holds a raw <");
    }
  }
}
