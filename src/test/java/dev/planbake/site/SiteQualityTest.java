package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built site as a visitor and a validator see it: every internal link and anchor resolves,
 * every page is valid HTML by the W3C Nu checker, and the same input gives the same bytes.
 */
class SiteQualityTest {
  @TempDir static Path tmp;

  static BuiltSite demo;
  static BuiltSite generated;

  @BeforeAll
  static void build() throws IOException {
    demo = BuiltSite.demo(tmp);
    generated = BuiltSite.generated(tmp, 120, 5, true);
  }

  @Test
  void demoSiteHasNoBrokenLinksOrAnchors() throws IOException {
    List<String> broken = new LinkCheck(demo.out()).broken(demo.htmlPages());
    assertEquals(List.of(), first(broken));
  }

  @Test
  void generatedSiteWithFaultsHasNoBrokenLinksOrAnchors() throws IOException {
    List<String> broken = new LinkCheck(generated.out()).broken(generated.htmlPages());
    assertEquals(List.of(), first(broken));
  }

  @Test
  void everyDemoPageIsValidHtml() throws Exception {
    assertEquals(List.of(), first(validate(demo.htmlPages())));
  }

  @Test
  void everyGeneratedPageIsValidHtml() throws Exception {
    assertEquals(List.of(), first(validate(generated.htmlPages())));
  }

  @Test
  void twoBuildsOfTheSamePlansAreByteIdentical() throws IOException {
    BuiltSite again = BuiltSite.build(BuiltSite.demoPlans(tmp), tmp.resolve("demo-again"));
    assertEquals(tree(demo.out()), tree(again.out()));
  }

  @Test
  void theSiteHasEveryKindOfPage() {
    for (String page :
        List.of(
            "index.html",
            "404.html",
            "status.json",
            "status/ready/index.html",
            "status/blocked/index.html",
            "status/in-progress/index.html",
            "units/2.0/index.html",
            "units/6.0/index.html",
            "units/reporting-units/5.1/index.html",
            "plans/004-recurring-invoices/index.html",
            "badges/unit-2-0-invoice-builder.svg",
            "assets/style.css")) {
      assertTrue(Files.isRegularFile(demo.out().resolve(page)), page);
    }
  }

  /** The first problems of a list, enough to see what is wrong without flooding the report. */
  static List<String> first(List<String> problems) {
    return problems.size() <= 15 ? problems : problems.subList(0, 15);
  }

  /** Errors the Nu checker reports, as "page: message" lines. */
  static List<String> validate(List<Path> pages) throws Exception {
    EmbeddedValidator v = new EmbeddedValidator();
    v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    List<String> errors = new ArrayList<>();
    for (Path page : pages) {
      String out = v.validate(new ByteArrayInputStream(Files.readAllBytes(page)));
      for (String line : out.split("\n")) {
        if (line.contains("error:") || line.contains("fatal:")) {
          errors.add(page + ": " + line);
        }
      }
    }
    return errors;
  }

  /** Every file of a folder by relative path, with its bytes as text for readable diffs. */
  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(f).toString(), Files.readString(f));
      }
    }
    return files;
  }
}
