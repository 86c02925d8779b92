package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.planbake.GenPlans;
import dev.planbake.StatusFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency graph in headless Chromium at every scale: the demo plans and generated sites of
 * 20, 200 and 1,000 plans, served by {@code planbake serve}. The overview fits a 1366 px screen at
 * load with labels of at least 11 px, every box opens a focus view, a focus view in the middle of
 * the generated DAG holds exactly its transitive up- and downstream (truth.json), zoom and fit
 * work, and the pages work without JavaScript, on a phone and on paper.
 */
class GraphBrowserTest {
  @TempDir static Path tmp;
  static Browser browser;
  static final Map<String, Server> servers = new HashMap<>();
  static final Map<String, Path> corpora = new HashMap<>();

  @BeforeAll
  static void start() {
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    for (Server s : servers.values()) {
      s.close();
    }
  }

  @AfterEach
  void noErrorsOnAnyPage() {
    assertEquals(List.of(), browser.closePages(), "errors logged by the pages this test opened");
  }

  /** The base URL of a site: "demo", or the number of generated plans. */
  static synchronized String base(String site) {
    Server s = servers.get(site);
    if (s == null) {
      try {
        Path plans;
        if (site.equals("demo")) {
          plans = BrowserTest.copy(Path.of("content", "plans"), tmp.resolve("demo/plans"));
        } else {
          Path corpus = tmp.resolve("gen-" + site);
          GenPlans.generate(corpus, Integer.parseInt(site), 7, false);
          corpora.put(site, corpus);
          plans = corpus.resolve("plans");
        }
        s = BrowserTest.serve(plans);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      servers.put(site, s);
    }
    return "http://127.0.0.1:" + s.port() + "/";
  }

  /** The absolute URL of a link, an SVG one too (whose {@code href} is not a string). */
  static final String HREF = "a => new URL(a.getAttribute('href'), document.baseURI).href";

  /** The page with the script's work done: the drawing fitted (or no drawing at all). */
  static void open(Page page, String url) {
    page.navigate(url);
    page.waitForFunction(
        "() => !document.querySelector('.graph-frame')"
            + " || document.querySelector('.graph-frame[data-scale]')");
  }

  /**
   * The smallest label of the first drawing as the screen shows it, in px: its font size times the
   * drawing's scale on screen.
   */
  static final String SMALLEST_LABEL =
      """
      () => {
        const svg = document.querySelector('.graph-page svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        let min = 99;
        svg.querySelectorAll('text').forEach(t => {
          min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
        });
        return min;
      }
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "20", "200", "1000"})
  void theOverviewFitsA1366ScreenAtLoadWithReadableLabels(String site) {
    Page page = browser.page(false, 1366, 768, false);
    open(page, base(site) + "graph/");
    Map<?, ?> frame =
        (Map<?, ?>)
            page.evaluate(
                "() => { const b = document.querySelector('.graph-page');"
                    + " return { page: document.documentElement.scrollWidth,"
                    + " view: document.documentElement.clientWidth,"
                    + " inner: b.scrollWidth, box: b.clientWidth,"
                    + " svg: Math.round(b.querySelector('svg').getBoundingClientRect().width) }; }");
    String where = site + " " + frame;
    assertTrue(num(frame.get("page")) <= num(frame.get("view")), "page scrolls sideways: " + where);
    assertTrue(num(frame.get("inner")) <= num(frame.get("box")), "drawing scrolls: " + where);
    double smallest = num(page.evaluate(SMALLEST_LABEL));
    assertTrue(smallest >= 11, "smallest label " + smallest + " px: " + where);
    System.out.printf(
        "graph/ of %s at 1366 px: %s, smallest label %.1f px%n", site, frame, smallest);
    Browser.screenshot(page, "graph-overview-" + site);
  }

  static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "200", "1000"})
  void everyBoxOpensAFocusView(String site) {
    Page page = browser.page();
    open(page, base(site) + "graph/");
    List<String> hrefs =
        page.locator("svg a.gnode:not(.gmore):not(.ggroup)").evaluateAll("l => l.map(" + HREF + ")")
                instanceof List<?> l
            ? l.stream().map(String::valueOf).toList()
            : List.of();
    assertTrue(hrefs.size() >= 10, site + ": boxes " + hrefs.size());
    List<String> wrong = new ArrayList<>();
    for (String h : hrefs) {
      if (!h.matches(".*/units/.+/graph/")) {
        wrong.add(h);
      }
    }
    assertEquals(List.of(), wrong);
    // Follow a box: the focus view names the unit and links to its plan.
    page.locator("svg a.gnode:not(.gmore):not(.ggroup)").first().click();
    page.waitForURL("**/units/**/graph/");
    assertTrue(page.locator(".lede a").last().textContent().startsWith("Open its"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"200", "1000"})
  void aFocusViewInTheMiddleOfTheDagHoldsExactlyItsUpAndDownstream(String site) {
    String base = base(site);
    StatusFile status = StatusFile.parse(fetch(base + "status.json"));
    Map<String, List<String>> deps =
        GenPlans.dependencies(GenPlans.truth(corpora.get(site)), status);
    Map<String, List<String>> needed = GenPlans.dependents(deps);
    // The middle unit, of those whose sides the page lists whole.
    List<String> middle =
        GenPlans.middle(deps).stream()
            .filter(
                id ->
                    GenPlans.reach(id, deps).size() <= 40
                        && GenPlans.reach(id, needed).size() <= 40)
            .toList();
    String id = middle.get(middle.size() / 2);
    Page page = browser.page();
    open(page, base + "units/" + id.replace('#', '/') + "/graph/");
    Set<String> up = GenPlans.reach(id, deps);
    Set<String> down = GenPlans.reach(id, needed);
    assertEquals(up, listed(page, "upstream"), id);
    assertEquals(down, listed(page, "downstream"), id);
    assertEquals("Waits on (" + up.size() + ")", page.locator("#upstream").textContent());
    assertEquals("Waits on it (" + down.size() + ")", page.locator("#downstream").textContent());
    // The drawing holds the unit itself and boxes of its two sides.
    Locator svg = page.locator("svg.graph-focus");
    assertEquals(1, svg.locator(".gcenter").count());
    System.out.printf(
        "focus view of %s in %s: %d up, %d down, drawing %s px wide%n",
        id, site, up.size(), down.size(), svg.getAttribute("width"));
    Browser.screenshot(page, "graph-focus-" + site);
  }

  static Set<String> listed(Page page, String side) {
    Object ids =
        page.locator("section[aria-labelledby=" + side + "] a[data-unit]")
            .evaluateAll("l => l.map(a => a.dataset.unit)");
    Set<String> out = new TreeSet<>();
    ((List<?>) ids).forEach(o -> out.add(String.valueOf(o)));
    return out;
  }

  static String fetch(String url) {
    try (var in = URI.create(url).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first group page of the 1,000-plan site: a drawing much wider than the screen. */
  static String groupPage() {
    String base = base("1000");
    Page page = browser.page();
    open(page, base + "graph/");
    return page.locator("a.gcard-link").first().evaluate(HREF).toString();
  }

  @Test
  void zoomPanAndFitWorkWithJavaScript() {
    String url = groupPage();
    Page page = browser.page(false, 1366, 768, false);
    open(page, url);
    Locator frame = page.locator(".graph-frame").first();
    Locator box = page.locator(".graph-page").first();
    double fit = Double.parseDouble(frame.getAttribute("data-scale"));
    assertTrue(page.locator(".graph-tools").first().isVisible(), "the buttons show");
    page.locator("button[data-zoom=in]").first().click();
    double in = Double.parseDouble(frame.getAttribute("data-scale"));
    assertEquals(fit * 1.25, in, 0.002, "+ zooms in by a quarter");
    box.focus();
    page.keyboard().press("-");
    assertEquals(fit, Double.parseDouble(frame.getAttribute("data-scale")), 0.002, "- key");
    page.keyboard().press("+");
    page.keyboard().press("+");
    assertTrue(Double.parseDouble(frame.getAttribute("data-scale")) > in, "+ key");
    // Ctrl + wheel zooms where the pointer is.
    page.mouse().move(600, 500);
    page.keyboard().down("Control");
    page.mouse().wheel(0, 300);
    page.keyboard().up("Control");
    double wheeled = Double.parseDouble(frame.getAttribute("data-scale"));
    assertTrue(wheeled < fit * 1.25 * 1.25, "Ctrl + wheel zooms out: " + wheeled);
    // A drag pans.
    Object before = box.evaluate("b => b.scrollLeft + ',' + b.scrollTop");
    box.scrollIntoViewIfNeeded();
    var r = box.boundingBox();
    page.mouse().move(r.x + r.width / 2, r.y + 60);
    page.mouse().down();
    page.mouse()
        .move(
            r.x + r.width / 2 - 200,
            r.y + 20,
            new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
    page.mouse().up();
    assertNotEquals(before, box.evaluate("b => b.scrollLeft + ',' + b.scrollTop"), "dragged");
    page.locator("button[data-zoom=fit]").first().click();
    double refit = Double.parseDouble(frame.getAttribute("data-scale"));
    assertTrue(refit <= fit + 0.002, "fit again: " + refit + " vs " + fit);
    Browser.screenshot(page, "graph-group-zoomed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "1000"})
  void withoutJavaScriptTheDrawingIsFittedScrollableAndLinked(String site) {
    String base = base(site);
    Page page = browser.noScriptPage();
    page.navigate(base + "graph/");
    assertTrue(!page.locator(".graph-tools").first().isVisible(), "no buttons without the script");
    Map<?, ?> m =
        (Map<?, ?>)
            page.evaluate(
                "() => { const b = document.querySelector('.graph-page');"
                    + " const s = b.querySelector('svg').getBoundingClientRect();"
                    + " return { svg: s.width, box: b.clientWidth, page:"
                    + " document.documentElement.scrollWidth, view:"
                    + " document.documentElement.clientWidth,"
                    + " overflow: getComputedStyle(b).overflowX }; }");
    assertTrue(num(m.get("page")) <= num(m.get("view")), "page scrolls sideways: " + m);
    assertEquals("auto", m.get("overflow"), "the drawing scrolls in its frame: " + m);
    assertTrue(num(m.get("svg")) > 0, "drawn: " + m);
    Locator box = page.locator("svg a.gnode:not(.gmore):not(.ggroup)").first();
    box.click();
    page.waitForURL("**/units/**/graph/");
    assertTrue(page.locator("section[aria-labelledby=upstream]").isVisible());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "1000"})
  void aPhoneNeverScrollsSidewaysOnGraphPages(String site) {
    String base = base(site);
    Page page = browser.page(false, 360, 740, true);
    List<String> paths = new ArrayList<>(List.of("graph/"));
    open(page, base + "graph/");
    paths.add(relative(base, page.locator("svg a.gnode:not(.gmore)").first().evaluate(HREF)));
    if (page.locator("a.gcard-link").count() > 0) {
      paths.add(relative(base, page.locator("a.gcard-link").first().evaluate(HREF)));
    }
    List<String> wide = new ArrayList<>();
    for (String path : paths) {
      open(page, base + path);
      Object overflow = page.evaluate(BrowserTest.OVERFLOW);
      if (overflow != null) {
        wide.add(path + ": " + overflow);
      }
    }
    assertEquals(List.of(), wide);
    Browser.screenshot(page, "graph-phone-" + site);
  }

  static String relative(String base, Object href) {
    return String.valueOf(href).substring(base.length());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "1000"})
  void onPaperEachDrawingIsFittedToThePage(String site) {
    String base = base(site);
    Page page = browser.page();
    open(page, base + "graph/");
    page.locator("button[data-zoom=in]").first().click();
    page.emulateMedia(
        new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
    Map<?, ?> m =
        (Map<?, ?>)
            page.evaluate(
                "() => { const f = document.querySelector('.graph-frame');"
                    + " const s = f.querySelector('svg').getBoundingClientRect();"
                    + " return { svg: s.width, frame: f.getBoundingClientRect().width,"
                    + " breakBefore: getComputedStyle(f).breakBefore,"
                    + " tools: getComputedStyle(f.querySelector('.graph-tools')).display }; }");
    assertTrue(num(m.get("svg")) <= num(m.get("frame")) + 1, "fitted: " + m);
    assertEquals("page", m.get("breakBefore"), "each drawing starts a page: " + m);
    assertEquals("none", m.get("tools"), m.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "1000"})
  void axeFindsNoViolationsOnGraphPages(String site) {
    String base = base(site);
    Page page = browser.page();
    open(page, base + "graph/");
    List<String> paths = new ArrayList<>(List.of("graph/"));
    paths.add(relative(base, page.locator("svg a.gnode:not(.gmore)").first().evaluate(HREF)));
    if (page.locator("a.gcard-link").count() > 0) {
      paths.add(relative(base, page.locator("a.gcard-link").first().evaluate(HREF)));
    }
    List<String> violations = new ArrayList<>();
    for (String path : paths) {
      Page p = browser.page();
      open(p, base + path);
      violations.addAll(Axe.violations(p));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theDemoGraphInDarkModeForTheReadme() {
    Page page = browser.page(true, 1366, 900, false);
    open(page, base("demo") + "graph/");
    assertNull(page.evaluate(BrowserTest.OVERFLOW));
    Browser.screenshot(page, "graph-overview-demo-dark");
  }
}
