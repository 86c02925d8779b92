package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependency graph as a reader gets it: the {@code /graph/} page of a small site with a
 * placeholder, a cycle and hostile titles, and the neighbourhood drawn on each plan page.
 */
class GraphPagesTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void build() {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === a.md ===
            ---
            unit: "1.0"
            title: Base <script>alert("x")</script> & 'quotes'
            ---
            # Base

            - [x] done
            === b.md ===
            # Unit 1.1: Builder

            Depends on: Unit 1.0

            - [ ] todo
            === c.md ===
            # Unit 1.2: Middle

            Depends on: Unit 1.1
            Enables: Unit 9.0

            - [ ] todo
            === d.md ===
            # Unit 1.3: Upper

            Depends on: Unit 1.2

            - [ ] todo
            === e.md ===
            # Unit 1.4: Top

            Depends on: Unit 1.3

            - [ ] todo
            === x.md ===
            # Unit 2.0: Ping

            Depends on: Unit 2.1

            - [ ] todo
            === y.md ===
            # Unit 2.1: Pong

            Depends on: Unit 2.0

            - [ ] todo
            """);
    site.build();
    out = site.out();
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  static Element node(Document doc, String label) {
    for (Element g : doc.select("svg.graph .gnode")) {
      if (g.selectFirst(".glabel").text().replaceFirst(" ↻$", "").endsWith(label)) {
        return g;
      }
    }
    throw new AssertionError("no node " + label);
  }

  static Element edge(Document doc, String tip) {
    for (Element g : doc.select(".graph-page svg .gedge")) {
      if (g.selectFirst("title").text().equals(tip)) {
        return g;
      }
    }
    throw new AssertionError("no edge " + tip);
  }

  @Test
  void theGraphPageDrawsEveryUnitAsALinkToItsPage() throws IOException {
    Document doc = page("graph/index.html");
    Elements nodes = doc.select("svg.graph a.gnode");
    assertEquals(8, nodes.size(), "7 units and the placeholder 9.0");
    for (Element a : nodes) {
      Path target = out.resolve("graph").resolve(a.attr("href").replaceAll("#.*$", "")).normalize();
      assertTrue(Files.isRegularFile(target.resolve("index.html")), a.attr("href"));
      assertFalse(a.selectFirst("title").text().isEmpty(), "each node has a tooltip title");
    }
    Element svg = doc.selectFirst(".graph-page > svg.graph");
    assertEquals("group", svg.attr("role"));
    assertEquals("Dependency graph of 8 units", svg.attr("aria-label"));
    assertEquals(8, doc.select("details.graph-text tbody tr").size(), "the same graph as text");
  }

  @Test
  void statusIsShownByClassAndIconNotColourAlone() throws IOException {
    Document doc = page("graph/index.html");
    Element done = node(doc, "Unit 1.0");
    Element blocked = node(doc, "Unit 1.2");
    assertAll(
        () -> assertTrue(done.hasClass("status-done")),
        () -> assertEquals("✓", done.selectFirst(".gicon").text()),
        () -> assertTrue(blocked.hasClass("status-blocked")),
        () -> assertEquals("■", blocked.selectFirst(".gicon").text()));
  }

  @Test
  void thePlaceholderIsDashedAndReachedByADashedEnablesEdge() throws IOException {
    Document doc = page("graph/index.html");
    Element placeholder = node(doc, "Unit 9.0");
    Element enables = edge(doc, "Unit 1.2 enables Unit 9.0 (not yet planned)");
    Element depends = edge(doc, "Unit 1.1 depends on Unit 1.0");
    assertAll(
        () -> assertTrue(placeholder.hasClass("gplaceholder")),
        () -> assertTrue(placeholder.hasClass("status-placeholder")),
        () -> assertEquals("◌", placeholder.selectFirst(".gicon").text()),
        () -> assertTrue(enables.hasClass("gedge-enables")),
        () -> assertFalse(depends.hasClass("gedge-enables"), "depends-on edges are solid"));
    String css = Files.readString(out.resolve("assets/style.css"));
    assertTrue(css.contains(".gedge-enables path { stroke-dasharray"));
    assertTrue(css.contains(".gnode.gplaceholder rect:first-of-type { stroke-dasharray"));
  }

  @Test
  void cyclesAreMarkedOnNodesEdgesAndInTheText() throws IOException {
    Document doc = page("graph/index.html");
    assertAll(
        () -> assertTrue(node(doc, "Unit 2.0").hasClass("gcycle")),
        () -> assertTrue(node(doc, "Unit 2.0").selectFirst(".glabel").text().endsWith("↻")),
        () -> assertTrue(node(doc, "Unit 2.1").hasClass("gcycle")),
        () -> assertFalse(node(doc, "Unit 1.0").hasClass("gcycle")),
        () -> assertTrue(edge(doc, "Unit 2.0 depends on Unit 2.1").hasClass("gcycle")),
        () -> assertTrue(edge(doc, "Unit 2.1 depends on Unit 2.0").hasClass("gcycle")),
        () -> assertFalse(edge(doc, "Unit 1.1 depends on Unit 1.0").hasClass("gcycle")),
        () -> assertEquals(2, doc.select(".graph-text .cycle-mark").size()),
        () -> assertTrue(doc.selectFirst(".notice").text().contains("1 dependency cycle")));
  }

  @Test
  void titlesAreEscapedInsideTheSvg() throws IOException {
    String html = Files.readString(out.resolve("graph/index.html"));
    assertFalse(html.contains("<script>alert"), "no live script from a title");
    assertTrue(
        html.contains(
            "Base &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"),
        "the tooltip keeps the title, escaped");
    // Parsed back, the text is the title itself, not markup.
    Document doc = Jsoup.parse(html, "", Parser.htmlParser());
    assertTrue(
        node(doc, "Unit 1.0")
            .selectFirst("title")
            .text()
            .startsWith("Unit 1.0: Base <script>alert(\"x\")</script> & 'quotes'"));
    assertTrue(doc.select("svg script").isEmpty());
  }

  @Test
  void theNeighbourhoodReachesTwoStepsEachWayAndNoFurther() throws IOException {
    Document doc = page("plans/c/index.html");
    Element svg = doc.selectFirst("figure.hood svg.graph-hood");
    List<String> labels = svg.select(".glabel").eachText();
    assertAll(
        () -> assertTrue(labels.contains("✓ Unit 1.0"), "two steps up: " + labels),
        () -> assertTrue(labels.contains("▶ Unit 1.1"), "one up, ready"),
        () -> assertTrue(labels.stream().anyMatch(l -> l.endsWith("Unit 1.2")), "itself"),
        () -> assertTrue(labels.stream().anyMatch(l -> l.endsWith("Unit 1.3")), "one down"),
        () -> assertTrue(labels.stream().anyMatch(l -> l.endsWith("Unit 1.4")), "two down"),
        () -> assertTrue(labels.stream().anyMatch(l -> l.endsWith("Unit 9.0")), "placeholder"),
        () -> assertEquals(6, labels.size(), "nothing else: " + labels),
        () -> assertTrue(svg.selectFirst(".gcenter").is("g"), "the unit itself is not a link"));

    Document top = page("plans/e/index.html");
    List<String> seen = top.selectFirst("svg.graph-hood").select(".glabel").eachText();
    assertAll(
        () -> assertTrue(seen.stream().anyMatch(l -> l.endsWith("Unit 1.2")), "two up: " + seen),
        () ->
            assertFalse(seen.stream().anyMatch(l -> l.endsWith("Unit 1.1")), "three up: " + seen));
  }

  @Test
  void servingRedrawsTheGraphWhenAStatusChanges(@TempDir Path dir) throws IOException {
    TestSite live =
        TestSite.of(
            dir,
            "a.md",
            "# Unit 1.0: A\n\n- [ ] a\n",
            "b.md",
            "# Unit 1.1: B\n\nDepends on: Unit 1.0\n\n- [ ] b\n");
    Session session = new Session(live.settings(), true);
    Session.Update first = session.refresh();
    String before =
        new String(first.pages().get("graph/index.html").bytes(), StandardCharsets.UTF_8);
    live.write("a.md", "# Unit 1.0: A\n\n- [x] a\n");
    Session.Update second = session.refresh();
    String after =
        new String(second.pages().get("graph/index.html").bytes(), StandardCharsets.UTF_8);
    assertTrue(second.changed().stream().anyMatch(p -> p.path().equals("graph/index.html")));
    assertTrue(
        before.contains("class=\"gnode status-ready\"") && before.contains("gnode status-blocked"));
    assertTrue(
        after.contains("class=\"gnode status-done\"") && !after.contains("gnode status-blocked"));
    // Same shape, same layout: only the classes and icons differ.
    assertEquals(geometry(before), geometry(after));
    assertTrue(geometry(before).size() > 3);
  }

  /** The boxes and lines of the page's graph, without the progress bars inside the boxes. */
  static List<String> geometry(String html) {
    int from = html.indexOf("graph-page");
    String svg = html.substring(from, html.indexOf("</svg>", from));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<rect [^>]*>| d=\"[^\"]*\"").matcher(svg);
    while (m.find()) {
      if (!m.group().contains("class=\"gbar")) {
        out.add(m.group());
      }
    }
    return out;
  }

  @Test
  void aUnitWithoutDependenciesHasNoNeighbourhood() throws IOException {
    TestSite alone = TestSite.of(tmp.resolve("alone"), "a.md", "# Unit 1.0: Alone\n\n- [ ] x\n");
    alone.build();
    String html = Files.readString(alone.out().resolve("plans/a/index.html"));
    assertFalse(html.contains("class=\"hood\""));
    assertTrue(Files.isRegularFile(alone.out().resolve("graph/index.html")));
  }
}
