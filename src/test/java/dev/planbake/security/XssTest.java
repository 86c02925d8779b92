package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.TestSite;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OWASP XSS filter-evasion payloads, fed through every place a plan's words reach the site
 * (title, headings, body, task texts, front matter values, link targets, unit ids), must not leave
 * one script element, event handler attribute or script URL in any page.
 */
class XssTest {
  @TempDir static Path tmp;
  static List<String> payloads;
  static Site.Result result;
  static Path out;

  @BeforeAll
  static void buildHostileSite() throws IOException {
    payloads =
        Files.readAllLines(
                Path.of("src/test/resources/security/xss-payloads.txt"), StandardCharsets.UTF_8)
            .stream()
            .filter(l -> !l.isBlank())
            .toList();
    StringBuilder links = new StringBuilder();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      String p = payloads.get(i);
      String q = yamlQuoted(p);
      files.add("fm/p" + i + ".md");
      files.add(
          """
          ---
          title: %s
          unit: %s
          status: %s
          owner: %s
          ticket: %s
          tags: [%s]
          aliases: [%s]
          depends_on: [%s]
          ---
          # %s

          **Branch**: %s

          ## %s

          %s

          - [ ] %s
          - [x] done [%s](%s)
          - [ ] see <%s>

          [ref link][r%d] and [inline](<%s>)

          [r%d]: %s

          ## Dependencies
          - Depends on: %s

          ## Files to Create/Update
          - `%s`
          """
              .formatted(
                  q,
                  q,
                  q,
                  q,
                  q,
                  q,
                  q,
                  q,
                  p,
                  p,
                  p,
                  p,
                  p,
                  p,
                  p,
                  p,
                  i,
                  p,
                  i,
                  p,
                  p,
                  p.replace('`', '\'')));
      files.add("h1/p" + i + ".md");
      files.add("# Unit 9." + i + ": " + p + "\n\n" + p + "\n\n- [ ] " + p + "\n");
      links.append("- [").append(i).append("](").append(p).append(")\n");
    }
    files.add("links.md");
    files.add("# Links\n\n" + links);
    TestSite site = TestSite.of(tmp, files.toArray(String[]::new));
    result = site.build();
    out = site.out();
  }

  @Test
  void thereAreAtLeastFiftyPayloads() {
    assertTrue(payloads.size() >= 50, "payloads: " + payloads.size());
  }

  @Test
  void everyPlanBecameAPage() throws IOException {
    // Each plan is a folder; plans/index.html beside them is the table of all plans.
    try (Stream<Path> s = Files.list(out.resolve("plans"))) {
      assertEquals(2L * payloads.size() + 1, s.filter(Files::isDirectory).count());
    }
  }

  @Test
  void noHtmlPageHasAScriptAHandlerOrAScriptUrl() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path page : files(".html")) {
      inspect(page, Jsoup.parse(page.toFile(), "UTF-8"), found);
    }
    assertEquals(List.of(), found);
  }

  @Test
  void noSvgHasAScriptAHandlerOrAScriptUrl() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path svg : files(".svg")) {
      if (svg.startsWith(out.resolve("assets"))) {
        continue;
      }
      String text = Files.readString(svg);
      Document doc = Jsoup.parse(text, "", Parser.xmlParser());
      inspect(svg, doc, found);
    }
    assertEquals(List.of(), found);
  }

  @Test
  void jsonIsValidAndCannotCloseAScriptElement() throws IOException {
    for (Path json : files(".json")) {
      String text = Files.readString(json);
      JSON.std.anyFrom(text);
      assertTrue(!text.contains("<"), json + " holds a raw <, unsafe to inline in a page");
    }
  }

  @Test
  void titlesAreShownAsTextNotMarkup() throws IOException {
    // The title of fm/p0.md is the first payload; its page shows it as words.
    String page = Files.readString(out.resolve("plans/p0/index.html"));
    Document doc = Jsoup.parse(page);
    assertEquals(payloads.get(0).strip(), doc.selectFirst("h1").text());
    assertEquals(
        payloads.get(0).strip() + " · Planbake", doc.title().replaceFirst(" · .*$", " · Planbake"));
  }

  @Test
  void theInspectionCatchesTrustedHtml(@TempDir Path dir) throws IOException {
    // Proves the checks above can fail: with sanitising off, the same payloads get through.
    TestSite site = TestSite.of(dir, "a.md", "# A\n\n" + String.join("\n\n", payloads) + "\n");
    Site.build(site.settings().withTrustHtml(true));
    List<String> found = new ArrayList<>();
    Path page = site.out().resolve("plans/a/index.html");
    Path saved = out;
    out = site.out();
    try {
      inspect(page, Jsoup.parse(page.toFile(), "UTF-8"), found);
    } finally {
      out = saved;
    }
    assertTrue(found.stream().anyMatch(f -> f.contains("<script>")), String.join("\n", found));
    assertTrue(
        found.stream().anyMatch(f -> f.contains("handler onerror")), String.join("\n", found));
    assertTrue(
        found.stream().anyMatch(f -> f.contains("href=javascript:")), String.join("\n", found));
  }

  private static void inspect(Path page, Document doc, List<String> found) {
    found.addAll(
        HtmlSafety.problems(
            out.relativize(page).toString(), doc, page.toString().endsWith(".svg")));
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String yamlQuoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  /**
   * Pebble applies autoescaping by visiting the template's nodes, and its visitor does not enter a
   * {@code cache} tag's body: whatever such a body prints is raw. No built-in template may use it.
   */
  @Test
  void noTemplatePrintsThroughPebblesCacheTag() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("site-theme", "templates"))) {
      List<String> caching =
          files
              .filter(f -> f.toString().endsWith(".peb"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).matches("(?s).*\\{%-?\\s*cache\\b.*");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
      assertEquals(List.of(), caching, "templates with a {% cache %} tag, whose body is unescaped");
    }
  }
}
