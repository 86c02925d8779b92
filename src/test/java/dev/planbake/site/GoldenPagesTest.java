package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard and one plan page of each style, built from the demo plans, compared with the
 * committed HTML under src/test/resources/golden. A template change shows up as a diff in review;
 * regenerate with {@code mvn test -Dtest=GoldenPagesTest -DupdateGolden=true}.
 */
class GoldenPagesTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @TempDir static Path tmp;
  static BuiltSite demo;

  @BeforeAll
  static void build() throws IOException {
    demo = BuiltSite.demo(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "dashboard.html, index.html",
    "plan-unit.html, plans/unit-2-0-invoice-builder/index.html",
    "plan-unit-multi.html, plans/reporting-units/index.html",
    "plan-technical.html, plans/stripe-card-payments/index.html",
    "plan-spec.html, plans/plan-2026-02-16-multi-currency/index.html",
    "plan-speckit.html, plans/004-recurring-invoices/index.html",
    "plan-phased.html, plans/2026-03-02-outbound-webhooks/index.html",
    "plan-generic.html, plans/readme/index.html",
    "status-blocked.html, status/blocked/index.html",
    "search.html, search/index.html",
    "timeline.html, timeline/index.html",
    "search-index.js, search/index.js",
    "graph.html, graph/index.html"
  })
  void pageMatchesGolden(String golden, String page) throws IOException {
    String actual = Files.readString(demo.out().resolve(page));
    Path file = GOLDEN.resolve(golden);
    if (Boolean.parseBoolean(System.getProperty("planbake.updateGolden", "false"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, "golden " + golden + " differs from " + page);
  }
}
