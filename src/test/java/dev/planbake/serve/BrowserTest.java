package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The site as a reader sees it: the demo plans served by {@code planbake serve} on 127.0.0.1 and
 * opened in headless Chromium. One browser serves every test; each test opens fresh pages, and any
 * console error, uncaught exception or failed request on them fails the test.
 */
class BrowserTest {
  static final String TITLE = "Harbor delivery plans";

  @TempDir static Path tmp;
  static Browser browser;
  static Server server;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    Path plans = copy(Path.of("content", "plans"), tmp.resolve("plans"));
    server = serve(plans);
    base = "http://127.0.0.1:" + server.port() + "/";
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void noErrorsOnAnyPage() {
    assertEquals(List.of(), browser.closePages(), "errors logged by the pages this test opened");
  }

  static Server serve(Path plans) throws IOException {
    return serve(plans, TITLE);
  }

  /** Serves the plans under a site title, on a free port of 127.0.0.1. */
  static Server serve(Path plans, String title) throws IOException {
    Settings s = Settings.defaults().withTitle(title).withPlans(List.of(plans));
    PrintWriter quiet = new PrintWriter(new StringWriter());
    Server server = new Server(() -> s, "127.0.0.1", 0, quiet, quiet);
    server.start();
    return server;
  }

  static Path copy(Path from, Path to) {
    return TestSite.copyTree(from, to);
  }

  /** status.json's units as the server has them. */
  static List<Map<?, ?>> units(String base) {
    try {
      String json =
          new String(
              java.net.URI.create(base + "status.json").toURL().openStream().readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      List<Map<?, ?>> out = new ArrayList<>();
      for (Object o : (List<?>) JSON.std.mapFrom(json).get("units")) {
        out.add((Map<?, ?>) o);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a unit stands, as the dashboard counts it ("none" too: pages that are not work). */
  static String column(Map<?, ?> u) {
    return (String) u.get("standing");
  }

  // ---- dashboard

  @Test
  void theDashboardShowsTheCountsOfStatusJson() {
    List<Map<?, ?>> units =
        units(base).stream().filter(u -> u.get("placeholder") == FALSE).toList();
    Map<String, Integer> expected = new LinkedHashMap<>();
    int done = 0;
    int total = 0;
    for (Map<?, ?> u : units) {
      String c = column(u);
      if (c != null) {
        expected.merge(c, 1, Integer::sum);
      }
      Map<?, ?> p = (Map<?, ?>) u.get("progress");
      done += ((Number) p.get("done")).intValue();
      total += ((Number) p.get("total")).intValue();
    }
    Page page = browser.page();
    page.navigate(base);
    assertEquals(TITLE, page.locator("h1").first().textContent().strip());
    Map<String, Integer> shown = new LinkedHashMap<>();
    for (Locator count : page.locator(".counts .count").all()) {
      String slug = count.getAttribute("class").replace("count count-", "").strip();
      int n = Integer.parseInt(count.locator(".count-n").textContent().strip());
      if (n > 0) {
        shown.put(slug, n);
      }
    }
    assertEquals(sorted(expected), sorted(shown));
    String lede = page.locator(".hero .headline").textContent();
    assertTrue(lede.contains("(" + done + " of " + total + ")"), lede);
    Locator bar = page.getByRole(com.microsoft.playwright.options.AriaRole.PROGRESSBAR).first();
    assertEquals(Integer.toString(100 * done / total), bar.getAttribute("aria-valuenow"));
  }

  private static final Boolean FALSE = Boolean.FALSE;

  private static Map<String, Integer> sorted(Map<String, Integer> m) {
    return new java.util.TreeMap<>(m);
  }

  // ---- graph

  @Test
  void clickingAGraphNodeOpensItsFocusViewAndFromThereItsPlan() {
    Page page = browser.page();
    page.navigate(base + "graph/");
    Locator node = page.locator("svg a.gnode[href$='units/2.0/graph/']");
    assertEquals(1, node.count(), "the graph has one node for Unit 2.0");
    node.click();
    page.waitForURL("**/units/2.0/graph/");
    assertEquals("Unit 2.0: Invoice Builder", page.locator("h1").textContent().strip());
    page.locator(".lede a").last().click();
    page.waitForURL("**/plans/unit-2-0-invoice-builder/");
    assertEquals("Unit 2.0: Invoice Builder", page.locator("h1").textContent().strip());
  }

  // ---- accessibility, dark mode, small screens

  /** The pages axe checks and the screenshots show: name and path. */
  static final List<String[]> KEY_PAGES =
      List.of(
          new String[] {"dashboard", ""},
          new String[] {"plan", "plans/unit-2-0-invoice-builder/"},
          new String[] {"search", "search/?q=invoice"},
          new String[] {"graph", "graph/"},
          new String[] {"timeline", "timeline/"});

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void axeFindsNothingOnTheKeyPages(boolean dark) {
    List<String> violations = new ArrayList<>();
    for (String[] p : KEY_PAGES) {
      Page page = browser.page(dark, 1280, 800, false);
      page.navigate(base + p[1]);
      if (p[0].equals("search")) {
        SearchBrowserTest.firstResult(page);
      }
      violations.addAll(Axe.violations(page));
      Browser.screenshot(page, p[0] + (dark ? "-dark" : "-light"));
    }
    assertEquals(List.of(), violations);
  }

  /** Contrast ratios on the page as rendered: the worst text and the worst progress bar. */
  static final String CONTRAST =
      """
      () => {
        const rgb = s => s.match(/[\\d.]+/g).map(Number);
        const lum = c => {
          const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
        };
        const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
        const bg = el => {
          for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3] > 0) { return c; }
          }
          return [255, 255, 255];
        };
        let text = 99, textAt = "", bar = 99;
        document.querySelectorAll("h1, h2, p, li, td, th, a, .progress-text, .status, .count-n").forEach(el => {
          if (!el.offsetParent || el.textContent.trim() === "") { return; }
          const r = ratio(rgb(getComputedStyle(el).color), bg(el));
          if (r < text) { text = r; textAt = el.outerHTML.slice(0, 80); }
        });
        const bars = document.querySelectorAll(".progress-track");
        bars.forEach(t => {
          const fill = t.querySelector(".progress-fill");
          bar = Math.min(bar, ratio(rgb(getComputedStyle(fill).backgroundColor), rgb(getComputedStyle(t).backgroundColor)));
        });
        return { page: lum(bg(document.body)), text, textAt, bar, bars: bars.length };
      }
      """;

  @Test
  void darkModeKeepsTextAndBarsReadable() {
    for (String path : List.of("", "plans/unit-2-0-invoice-builder/", "status/in-progress/")) {
      Page page = browser.page(true, 1280, 800, false);
      page.navigate(base + path);
      Map<?, ?> c = (Map<?, ?>) page.evaluate(CONTRAST);
      String where = path + " " + c;
      assertTrue(((Number) c.get("page")).doubleValue() < 0.05, "dark background: " + where);
      assertTrue(((Number) c.get("text")).doubleValue() >= 4.5, "text contrast: " + where);
      assertTrue(((Number) c.get("bars")).intValue() > 0, where);
      assertTrue(((Number) c.get("bar")).doubleValue() >= 3, "bar against its track: " + where);
    }
  }

  /** How far the page is wider than the screen, and the outermost elements that stick out. */
  static final String OVERFLOW =
      """
      () => {
        const root = document.documentElement, w = root.clientWidth;
        if (root.scrollWidth <= w) { return null; }
        const out = [];
        document.querySelectorAll("body *").forEach(el => {
          if (el.getBoundingClientRect().right > w + 1
              && el.parentElement.getBoundingClientRect().right <= w + 1) {
            out.push(el.tagName.toLowerCase() + "." + el.className + " (" + Math.round(el.getBoundingClientRect().right) + "px)");
          }
        });
        return (root.scrollWidth - w) + " px too wide: " + out.slice(0, 5).join(", ");
      }
      """;

  @Test
  void aPhoneScreenNeverScrollsSideways() {
    List<String> paths =
        new ArrayList<>(List.of("", "search/?q=invoice", "status/blocked/", "graph/", "timeline/"));
    for (Map<?, ?> u : units(base)) {
      String url = ((String) u.get("url")).replaceFirst("#.*", "");
      if (url.startsWith("plans/") && !paths.contains(url)) {
        paths.add(url);
      }
    }
    List<String> wide = new ArrayList<>();
    Page page = browser.page(false, 360, 740, true);
    for (String path : paths) {
      page.navigate(base + path);
      Object overflow = page.evaluate(OVERFLOW);
      if (overflow != null) {
        wide.add(path + ": " + overflow);
      }
    }
    assertEquals(List.of(), wide);
    page.navigate(base + "plans/reporting-units/");
    Browser.screenshot(page, "plan-phone");
  }

  // ---- live reload

  @Test
  void anOpenPageReloadsWhenItsPlanIsEdited() throws IOException {
    Path plans = copy(Path.of("content", "plans"), tmp.resolve("live-plans"));
    try (Server live = serve(plans)) {
      String liveBase = "http://127.0.0.1:" + live.port() + "/";
      Page page = browser.page();
      page.navigate(liveBase + "plans/unit-3-0-customer-portal/");
      assertEquals("Unit 3.0: Customer Payment Portal", page.locator("h1").textContent().strip());
      page.waitForFunction("() => true");
      Path file = plans.resolve("units/unit-3-0-customer-portal.md");
      String md = Files.readString(file);
      Files.writeString(
          file,
          md.replace(
                  "# Unit 3.0: Customer Payment Portal", "# Unit 3.0: Customer Self-Service Portal")
              .replace("- [ ] Portal home lists", "- [x] Portal home lists"));
      page.waitForFunction(
          "() => document.querySelector('h1').textContent.includes('Self-Service')",
          null,
          new Page.WaitForFunctionOptions().setTimeout(20_000));
      assertEquals(
          "Unit 3.0: Customer Self-Service Portal", page.locator("h1").textContent().strip());
      assertEquals(List.of(), browser.closePages());
    }
  }
}
