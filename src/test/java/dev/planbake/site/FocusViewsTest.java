package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GenPlans;
import dev.planbake.StatusFile;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each unit's focus view ({@code units/<id>/graph/}): everything it waits on and everything that
 * waits on it, transitively, drawn and listed, reached from every box of every drawing and from the
 * unit's page.
 */
class FocusViewsTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void build() {
    StringBuilder fan = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      fan.append("=== fan")
          .append(i)
          .append(".md ===\n# Unit 3.")
          .append(i)
          .append(": Fan ")
          .append(i)
          .append("\n\nDepends on: Unit 1.2\n\n- [ ] todo\n");
    }
    TestSite site =
        TestSite.of(
            tmp,
            """
            === a.md ===
            # Unit 1.0: Base

            - [x] done
            === b.md ===
            # Unit 1.1: Builder

            Depends on: Unit 1.0

            - [ ] todo
            === c.md ===
            # Unit 1.2: Middle

            Depends on: Unit 1.1

            - [ ] todo
            === d.md ===
            # Unit 1.3: Upper

            Depends on: Unit 1.2

            - [ ] todo
            === e.md ===
            # Unit 1.4: Top

            Depends on: Unit 1.3

            - [ ] todo
            === alone.md ===
            # Unit 5.0: Alone

            - [ ] todo
            """
                + fan);
    site.build();
    out = site.out();
  }

  static Document page(Path root, String path) throws IOException {
    return Jsoup.parse(root.resolve(path).toFile(), "UTF-8");
  }

  /** The ids a focus view lists on one side ("upstream" or "downstream"). */
  static Set<String> listed(Document focus, String side) {
    Set<String> ids = new TreeSet<>();
    for (Element a : focus.select("section[aria-labelledby=" + side + "] a[data-unit]")) {
      ids.add(a.attr("data-unit"));
    }
    return ids;
  }

  @Test
  void aFocusViewListsTheWholeChainUpAndEveryUnitDown() throws IOException {
    Document doc = page(out, "units/1.2/graph/index.html");
    Set<String> down = new TreeSet<>(List.of("1.3", "1.4"));
    for (int i = 0; i < 10; i++) {
      down.add("3." + i);
    }
    assertAll(
        () -> assertEquals(Set.of("1.0", "1.1"), listed(doc, "upstream")),
        () -> assertEquals(down, listed(doc, "downstream")),
        () -> assertEquals("Waits on (2)", doc.selectFirst("#upstream").text()),
        () -> assertEquals("Waits on it (12)", doc.selectFirst("#downstream").text()),
        () ->
            assertEquals(
                List.of("Directly (1)", "Through others (1)"),
                doc.select("section[aria-labelledby=upstream] .focus-step").eachText()),
        () ->
            assertEquals(
                List.of("Directly (11)", "Through others (1)"),
                doc.select("section[aria-labelledby=downstream] .focus-step").eachText()));
  }

  @Test
  void theDrawingShowsLongChainsAndSumsUpWideFans() throws IOException {
    Document doc = page(out, "units/1.2/graph/index.html");
    Element svg = doc.selectFirst(".graph-page svg.graph-focus");
    List<String> labels = svg.select(".glabel").eachText();
    Element more = svg.selectFirst(".gmore");
    Element center = svg.selectFirst(".gcenter");
    assertAll(
        () -> assertTrue(labels.contains("✓ Unit 1.0"), "two steps up: " + labels),
        () -> assertTrue(labels.contains("▶ Unit 1.1"), "one up: " + labels),
        () -> assertTrue(labels.stream().anyMatch(l -> l.endsWith("Unit 1.4")), "two down"),
        // 1.3 and the ten fans are one step down: three boxes, and one that counts the other eight.
        () -> assertEquals("… and 8 more →", more.selectFirst(".glabel").text()),
        () -> assertEquals("#downstream", more.attr("href")),
        () -> assertEquals(8, labels.size(), "1.0-1.4, 3.0-3.1 and the count: " + labels),
        () -> assertEquals("../../../plans/c/", center.attr("href"), "the unit opens its plan"),
        () ->
            assertEquals(
                "Focus on Unit 1.2: 2 units upstream, 12 units downstream",
                svg.attr("aria-label")));
  }

  @Test
  void theUnitsPageLinksToItsFocusView() throws IOException {
    Document doc = page(out, "plans/c/index.html");
    List<String> links = doc.select("figure.hood figcaption a").eachAttr("href");
    assertTrue(links.contains("../../units/1.2/graph/"), links.toString());
  }

  @Test
  void aUnitLinkedToNothingSaysSo() throws IOException {
    Document doc = page(out, "units/5.0/graph/index.html");
    assertTrue(doc.text().contains("Nothing waits on it and it waits on nothing."));
    assertTrue(doc.select("svg.graph-focus").isEmpty());
  }

  @Test
  void everyBoxOfEveryDrawingOpensAFocusView() throws IOException {
    assertEveryBoxOpensAFocusView(out, 100);
  }

  /**
   * Every unit box on every page of a site links to a focus view that exists, and at least {@code
   * atLeast} boxes were seen.
   */
  static void assertEveryBoxOpensAFocusView(Path site, int atLeast) throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    List<String> wrong = new ArrayList<>();
    int boxes = 0;
    for (Path p : pages) {
      Document doc = Jsoup.parse(p.toFile(), "UTF-8");
      for (Element a : doc.select("svg a.gnode:not(.gmore):not(.ggroup):not(.gcenter)")) {
        boxes++;
        String href = a.attr("href");
        Path target = p.getParent().resolve(href).normalize().resolve("index.html");
        if (!href.endsWith("/graph/") || !Files.isRegularFile(target)) {
          wrong.add(site.relativize(p) + ": " + href);
        }
      }
    }
    assertEquals(List.of(), wrong.stream().limit(10).toList());
    assertTrue(boxes >= atLeast, "boxes seen: " + boxes);
  }

  @Test
  void onAGeneratedSiteFocusViewsAgreeWithTruthJson(@TempDir Path gen) throws IOException {
    BuiltSite site = BuiltSite.generated(gen, 300, 4, false);
    StatusFile status = StatusFile.read(site.out().resolve("status.json"));
    Map<String, List<String>> deps =
        GenPlans.dependencies(GenPlans.truth(gen.resolve("gen-300-4")), status);
    deps.forEach((id, ds) -> assertFalse(id == null || ds.contains(null), "unnamed unit: " + id));
    Map<String, List<String>> needed = GenPlans.dependents(deps);
    List<String> middle = GenPlans.middle(deps);
    assertTrue(middle.size() > 20, "units in the middle: " + middle.size());
    int exact = 0;
    for (int i = 0; i < middle.size(); i += middle.size() / 10) {
      String id = middle.get(i);
      Set<String> up = GenPlans.reach(id, deps);
      Set<String> down = GenPlans.reach(id, needed);
      Document doc = page(site.out(), "units/" + id.replace('#', '/') + "/graph/index.html");
      assertEquals("Waits on (" + up.size() + ")", doc.selectFirst("#upstream").text(), id);
      assertEquals("Waits on it (" + down.size() + ")", doc.selectFirst("#downstream").text(), id);
      Set<String> listedUp = listed(doc, "upstream");
      Set<String> listedDown = listed(doc, "downstream");
      assertTrue(up.containsAll(listedUp), id + " lists upstream " + listedUp + " of " + up);
      assertTrue(down.containsAll(listedDown), id + " lists downstream " + listedDown);
      if (up.size() <= 40 && down.size() <= 40) {
        assertEquals(up, listedUp, id);
        assertEquals(down, listedDown, id);
        exact++;
      }
    }
    assertTrue(exact >= 3, "focus views compared unit by unit: " + exact);
    assertEveryBoxOpensAFocusView(site.out(), 1000);
  }
}
