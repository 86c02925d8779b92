package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated repository too large for one drawing: {@code /graph/} shows groups, each group has
 * its own page, and every drawn unit is on exactly one of them.
 */
class GraphGroupsTest {
  @TempDir static Path tmp;
  static BuiltSite site;

  @BeforeAll
  static void build() throws IOException {
    site = BuiltSite.generated(tmp, 220, 11, false);
  }

  @Test
  void theOverviewDrawsOneCardPerGroupLinkingToItsPage() throws IOException {
    Document doc = Jsoup.parse(site.out().resolve("graph/index.html").toFile(), "UTF-8");
    List<Element> cards = doc.select(".graph-page svg a.gcard-link");
    assertTrue(cards.size() >= 5, "groups: " + cards.size());
    assertEquals(cards.size(), doc.select("table.graph-groups tbody tr").size());
    for (Element a : cards) {
      Path page = site.out().resolve("graph").resolve(a.attr("href")).resolve("index.html");
      assertTrue(Files.isRegularFile(page.normalize()), a.attr("href"));
    }
    assertTrue(doc.selectFirst(".lede").text().contains("grouped by the folder that holds"));
  }

  @Test
  void groupsAreNamedByTheirFolderAndPartsByTheirFirstAndLastPlan() throws IOException {
    Document doc = Jsoup.parse(site.out().resolve("graph/index.html").toFile(), "UTF-8");
    List<String> names = doc.select("table.graph-groups tbody td:first-child a").eachText();
    assertTrue(names.contains("thoughts/shared/plans"), "the folder of the plans: " + names);
    for (String n : names.stream().filter(n -> n.contains("(")).toList()) {
      assertTrue(n.matches("[a-z/]+ \\([0-9a-z-]+( to [0-9a-z-]+)?\\)"), n);
    }
  }

  @Test
  void theOverviewListsOpenUnitsFirstAndCountsDoneOnesInProgress() throws IOException {
    Document doc = Jsoup.parse(site.out().resolve("graph/index.html").toFile(), "UTF-8");
    List<Element> rows = doc.select(".graph-page svg a.gnode.grow");
    assertFalse(rows.isEmpty());
    for (Element row : rows) {
      assertFalse(row.hasClass("status-done") || row.hasClass("status-cancelled"), row.outerHtml());
    }
    // The cards come in order of open units, most first.
    List<Integer> open = new ArrayList<>();
    for (Element sum : doc.select(".graph-page svg .gcard-sum")) {
      open.add(Integer.parseInt(sum.text().replaceAll(".* · (\\d+) open · .*", "$1")));
    }
    List<Integer> sorted = new ArrayList<>(open);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, open);
  }

  @Test
  void everyDrawnUnitIsOnExactlyOneGroupPage() throws IOException {
    Map<String, List<String>> pagesOf = new HashMap<>();
    List<Path> groupPages;
    try (Stream<Path> s = Files.list(site.out().resolve("graph"))) {
      groupPages = s.filter(Files::isDirectory).map(d -> d.resolve("index.html")).toList();
    }
    for (Path page : groupPages) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      Element svg = doc.selectFirst(".graph-page svg");
      // The group's own units, not the faded neighbours drawn around them.
      List<Element> own = svg.select(".gnode:not(.goutside)");
      assertTrue(own.size() <= 100, page + ": " + own.size());
      for (Element n : own) {
        String label = n.selectFirst("title").text().split(" — ")[0];
        pagesOf.computeIfAbsent(label, k -> new ArrayList<>()).add(page.toString());
      }
    }
    int units = site.result().repository().units().size();
    assertTrue(units > 150, "large enough to be grouped: " + units);
    List<String> twice = new ArrayList<>();
    pagesOf.forEach(
        (k, v) -> {
          if (v.size() != 1) {
            twice.add(k + " on " + v);
          }
        });
    assertEquals(List.of(), twice);
    assertTrue(pagesOf.size() >= units - 60, pagesOf.size() + " of " + units + " drawn");
  }

  @Test
  void theGroupPagesAreValidHtml() throws Exception {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(site.out().resolve("graph"))) {
      pages = s.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 3);
    assertEquals(List.of(), SiteQualityTest.first(SiteQualityTest.validate(pages)));
  }

  @Test
  void neighbourhoodsLinkToTheGroupPageOfTheirUnit() throws IOException {
    Path plans = site.out().resolve("plans");
    int checked = 0;
    try (Stream<Path> s = Files.list(plans)) {
      for (Path dir : s.sorted().limit(40).toList()) {
        Document doc = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
        for (Element a : doc.select("figure.hood figcaption a[href*=graph/]")) {
          String href = a.attr("href");
          assertTrue(
              href.matches("\\.\\./\\.\\./graph/[a-z0-9-]+/")
                  || href.matches("\\.\\./\\.\\./units/[^#]+/graph/"),
              href);
          checked++;
        }
      }
    }
    assertTrue(checked > 10, "neighbourhoods seen: " + checked);
  }
}
