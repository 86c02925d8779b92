package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.planbake.GitRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The header of a site built from git, whose navigation adds Progress and Changes: one row at 1366
 * px, light and dark, even under a long site title; the "Over time" menu opens with and without
 * JavaScript; no page scrolls sideways on a 390 px phone, menu open or not.
 */
class NavBrowserTest {
  @TempDir static Path tmp;
  static Browser browser;
  static Server server;
  static Server longTitle;
  static String base;
  static String longBase;

  static final String LONG_TITLE =
      "Northwind Traders platform engineering and payments delivery plans for 2027";

  @BeforeAll
  static void start() throws IOException {
    BrowserTest.copy(Path.of("content", "plans"), tmp.resolve("repo/plans"));
    Path plans;
    try (GitRepo repo = GitRepo.init(tmp.resolve("repo"))) {
      repo.commit("Ann", "2026-11-02", "The demo plans");
      plans = repo.dir().resolve("plans");
    }
    server = BrowserTest.serve(plans);
    base = "http://127.0.0.1:" + server.port() + "/";
    longTitle = BrowserTest.serve(plans, LONG_TITLE);
    longBase = "http://127.0.0.1:" + longTitle.port() + "/";
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    for (Server s : new Server[] {server, longTitle}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @AfterEach
  void noErrorsOnAnyPage() {
    assertEquals(List.of(), browser.closePages(), "errors logged by the pages this test opened");
  }

  /** The top and bottom of the brand, the navigation and the search box, in px. */
  static final String ROWS =
      """
      () => ["brand", "site-nav", "site-search"].map(c => {
        const r = document.querySelector("." + c).getBoundingClientRect();
        return [Math.round(r.top), Math.round(r.bottom)];
      })
      """;

  /** Whether the brand, the navigation and the search box share one row of the header. */
  static void assertOneRow(Page page, String what) {
    List<?> rows = (List<?>) page.evaluate(ROWS);
    double top = 0;
    double bottom = Double.MAX_VALUE;
    for (Object o : rows) {
      List<?> r = (List<?>) o;
      top = Math.max(top, ((Number) r.get(0)).doubleValue());
      bottom = Math.min(bottom, ((Number) r.get(1)).doubleValue());
    }
    assertTrue(top < bottom, what + ": brand, nav and search on more than one row: " + rows);
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void theHeaderOfASiteBuiltFromGitIsOneRowAt1366Px(boolean dark) {
    Page page = browser.page(dark, 1366, 900, false);
    for (String path : List.of("", "progress/", "changes/", "plans/", "search/?q=invoice")) {
      page.navigate(base + path);
      assertEquals(1, page.locator(".site-nav a[href$='changes/']").count(), "built from git");
      if (!path.startsWith("search/")) {
        assertOneRow(page, path);
      }
    }
    page.navigate(longBase);
    assertOneRow(page, "a long site title");
    // Cut on screen with an ellipsis; whole for screen readers and copying.
    String brand = page.locator(".brand").textContent().strip();
    assertTrue(brand.endsWith(LONG_TITLE), brand);
    page.navigate(base);
    Browser.screenshot(page, "nav-1366" + (dark ? "-dark" : "-light"));
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void theOverTimeMenuOpensMarksTheCurrentPageAndPassesAxe(boolean dark) {
    Page page = browser.page(dark, 1366, 900, false);
    page.navigate(base + "progress/");
    assertEquals("Over time", page.locator(".nav-more summary").textContent().strip());
    assertTrue(page.locator(".nav-more summary").getAttribute("class").contains("current"));
    assertFalse(page.locator(".nav-menu a[href$='changes/']").isVisible(), "closed at first");
    page.locator(".nav-more summary").click();
    assertTrue(page.locator(".nav-menu a[href$='changes/']").isVisible());
    assertEquals(
        "page", page.locator(".nav-menu a[href$='progress/']").getAttribute("aria-current"));
    assertEquals(List.of(), Axe.violations(page));
    Browser.screenshot(page, "nav-menu" + (dark ? "-dark" : "-light"));
    // Escape and a click elsewhere close it, as menus do.
    page.keyboard().press("Escape");
    assertFalse(page.locator(".nav-menu a[href$='changes/']").isVisible(), "Escape closes it");
    page.locator(".nav-more summary").click();
    page.locator("h1").click();
    assertFalse(page.locator(".nav-menu a[href$='changes/']").isVisible(), "a click elsewhere");
  }

  @Test
  void withoutJavaScriptTheMenuStillOpensAndLeadsToItsPages() {
    Page page = browser.noScriptPage();
    page.navigate(base);
    page.locator(".nav-more summary").click();
    page.locator(".nav-menu a[href$='changes/']").click();
    page.waitForURL("**/changes/");
    assertEquals("changes", page.evaluate("() => location.pathname.split('/')[1]"));
  }

  @Test
  void noPageScrollsSidewaysOnAPhoneWithTheMenuOpenOrClosed() {
    List<String> paths =
        new ArrayList<>(List.of("", "plans/", "progress/", "changes/", "timeline/", "graph/"));
    for (Map<?, ?> u : BrowserTest.units(base)) {
      String url = ((String) u.get("url")).replaceFirst("#.*", "");
      if (url.startsWith("plans/") && !paths.contains(url)) {
        paths.add(url);
        break;
      }
    }
    List<String> wide = new ArrayList<>();
    for (boolean dark : new boolean[] {false, true}) {
      Page page = browser.page(dark, 390, 844, true);
      for (String path : paths) {
        page.navigate(base + path);
        Object overflow = page.evaluate(BrowserTest.OVERFLOW);
        if (overflow != null) {
          wide.add(path + ": " + overflow);
        }
        page.locator(".nav-more summary").click();
        overflow = page.evaluate(BrowserTest.OVERFLOW);
        if (overflow != null) {
          wide.add(path + " (menu open): " + overflow);
        }
      }
      page.navigate(longBase);
      assertNull(page.evaluate(BrowserTest.OVERFLOW), "a long title on a phone");
      Browser.screenshot(page, "nav-phone" + (dark ? "-dark" : "-light"));
    }
    assertEquals(List.of(), wide);
  }
}
