package dev.planbake.serve;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core, the accessibility rules engine, from the npm registry: installed once into {@code
 * target/npm} by {@code npm install} (idempotent: skipped when that version is there), injected
 * into a page, and run there.
 */
final class Axe {
  static final String VERSION = "4.14.1";
  static final Path PREFIX = Path.of("target", "npm");
  static final Path SCRIPT = PREFIX.resolve("node_modules/axe-core/axe.min.js");

  private static String source;

  private Axe() {}

  static synchronized String source() {
    if (source == null) {
      install();
      try {
        source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  private static void install() {
    Path pkg = PREFIX.resolve("node_modules/axe-core/package.json");
    try {
      if (Files.exists(SCRIPT)
          && Files.readString(pkg).contains("\"version\": \"" + VERSION + "\"")) {
        return;
      }
      Files.createDirectories(PREFIX);
      Process p =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--prefix",
                  PREFIX.toString(),
                  "--no-audit",
                  "--no-fund",
                  "--no-save",
                  "axe-core@" + VERSION)
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0 || !Files.exists(SCRIPT)) {
        throw new IllegalStateException(
            "npm install axe-core@" + VERSION + " failed (is npm installed?):\n" + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run npm to install axe-core: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The serious and critical violations axe finds on the page as it is now, one line each: rule,
   * impact, what to fix and the first elements involved. Empty when there are none.
   */
  static List<String> seriousViolations(Page page) {
    return violations(page, "v.impact === 'serious' || v.impact === 'critical'");
  }

  /** Every violation axe finds on the page as it is now, whatever its impact. */
  static List<String> violations(Page page) {
    return violations(page, "true");
  }

  private static List<String> violations(Page page, String filter) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
    Object result =
        page.evaluate(
            "async () => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations"
                + "  .filter(v => "
                + filter
                + ")"
                + "  .map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' '"
                + "      + (n.failureSummary || '').replace(/\\s+/g, ' ')) }));"
                + "}");
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) o;
      out.add(
          page.url()
              + ": "
              + v.get("id")
              + " ("
              + v.get("impact")
              + "): "
              + v.get("help")
              + " at "
              + v.get("nodes"));
    }
    return out;
  }
}
