package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.planbake.GenPlans;
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
 * The views of issue 26 in Chromium, on the demo and on a generated 1,000-plan site: a dashboard
 * that fits in three desktop screens, no page type that scrolls sideways on a phone, no serious axe
 * finding on the new pages in light or dark, and the all-plans table filtered by status and owner
 * with JavaScript and complete without it.
 */
class ViewsBrowserTest {
  /** Three desktop screens of 900 px. */
  static final int MAX_DASHBOARD = 3 * 900;

  @TempDir static Path tmp;
  static Browser browser;
  static Server demo;
  static Server big;
  static String demoBase;
  static String bigBase;

  @BeforeAll
  static void start() throws IOException {
    demo = BrowserTest.serve(BrowserTest.copy(Path.of("content", "plans"), tmp.resolve("demo")));
    demoBase = "http://127.0.0.1:" + demo.port() + "/";
    GenPlans.generate(tmp.resolve("gen"), 1000, 1, false);
    big = BrowserTest.serve(tmp.resolve("gen/plans"));
    bigBase = "http://127.0.0.1:" + big.port() + "/";
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    for (Server s : new Server[] {demo, big}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @AfterEach
  void noErrorsOnAnyPage() {
    assertEquals(List.of(), browser.closePages(), "errors logged by the pages this test opened");
  }

  private static int height(Page page) {
    return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
  }

  @Test
  void theDashboardOfAThousandPlansFitsInThreeDesktopScreens() {
    Page desktop = browser.page(false, 1366, 900, false);
    desktop.navigate(bigBase);
    int h = height(desktop);
    Browser.screenshot(desktop, "dashboard-1000");
    Page phone = browser.page(false, 390, 844, true);
    phone.navigate(bigBase);
    System.out.printf(
        "dashboard of 1,000 plans: %d px high at 1366 px, %d px at 390 px%n", h, height(phone));
    assertTrue(h <= MAX_DASHBOARD, "the dashboard is " + h + " px high at 1366 px");
  }

  /** One page of each type the site has, on the demo and on the large site. */
  static List<String> pageTypes(String base) {
    List<String> paths =
        new ArrayList<>(
            List.of(
                "",
                "plans/",
                "problems/",
                "critical-path/",
                "status/blocked/",
                "status/in-progress/",
                "status/ready/",
                "status/done/",
                "search/?q=invoice"));
    // The graph of the large site is issue 27's (graph pages are being reworked there); the demo's
    // graph is checked here and by BrowserTest.
    if (base.equals(demoBase)) {
      paths.add("graph/");
    }
    boolean multi = false;
    boolean single = false;
    for (Map<?, ?> u : BrowserTest.units(base)) {
      String url = (String) u.get("url");
      if (url.contains("#") && !multi) {
        paths.add(url.replaceFirst("#.*", ""));
        multi = true;
      } else if (!url.contains("#") && url.startsWith("plans/") && !single) {
        paths.add(url);
        single = true;
      }
    }
    return paths;
  }

  @Test
  void noPageTypeScrollsSidewaysOnAPhone() {
    List<String> wide = new ArrayList<>();
    Page page = browser.page(false, 390, 844, true);
    for (String base : List.of(demoBase, bigBase)) {
      List<String> paths = pageTypes(base);
      if (base.equals(demoBase)) {
        paths.addAll(List.of("owners/daniel-okafor/", "tags/payments/"));
      }
      for (String path : paths) {
        page.navigate(base + path);
        Object overflow = page.evaluate(BrowserTest.OVERFLOW);
        if (overflow != null) {
          wide.add(base + path + ": " + overflow);
        }
      }
    }
    assertEquals(List.of(), wide);
    page.navigate(demoBase + "plans/");
    Browser.screenshot(page, "plans-phone");
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void axeFindsNothingOnTheNewPagesOfTheDemoAndTheLargeSite(boolean dark) {
    List<String> violations = new ArrayList<>();
    List<String> pages =
        new ArrayList<>(
            List.of(
                    "plans/",
                    "problems/",
                    "critical-path/",
                    "status/blocked/",
                    "owners/daniel-okafor/",
                    "tags/payments/",
                    "plans/reporting-units/",
                    "plans/2026-05-04-ach-direct-debit/")
                .stream()
                .map(p -> demoBase + p)
                .toList());
    pages.addAll(pageTypes(bigBase).stream().map(p -> bigBase + p).toList());
    for (String url : pages) {
      Page page = browser.page(dark, 1366, 900, false);
      page.navigate(url);
      if (url.contains("search/?q=")) {
        SearchBrowserTest.firstResult(page);
      }
      violations.addAll(Axe.violations(page));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void allPlansFiltersByStatusAndOwnerWithJavaScriptAndListsEveryUnitWithout() {
    List<Map<?, ?>> units =
        BrowserTest.units(demoBase).stream()
            .filter(u -> u.get("placeholder") == Boolean.FALSE)
            .toList();
    long blockedUnits = units.stream().filter(u -> "blocked".equals(u.get("standing"))).count();
    assertTrue(blockedUnits > 1, "the demo has blocked units");

    Page page = browser.page();
    page.navigate(demoBase + "plans/");
    assertEquals(units.size(), page.locator("#pb-plans tbody tr:visible").count());
    page.selectOption("#pb-f-status", "blocked");
    assertEquals(blockedUnits, page.locator("#pb-plans tbody tr:visible").count());
    assertTrue(page.url().endsWith("?status=blocked"), page.url());
    assertEquals(
        blockedUnits + " of " + units.size() + " units",
        page.locator("#pb-f-count").textContent().strip());
    // Blocked and owned by Daniel Okafor: the demo's Unit 5.3.
    page.selectOption("#pb-f-owner", "daniel-okafor");
    List<String> shown =
        page.locator("#pb-plans tbody tr:visible td:first-child").allTextContents();
    assertEquals(List.of("Unit 5.3 Scheduled Report Emails"), shown);
    // The filters live in the URL: the same view opens again from a link.
    Page linked = browser.page();
    linked.navigate(demoBase + "plans/?status=blocked&owner=daniel-okafor");
    assertEquals(1, linked.locator("#pb-plans tbody tr:visible").count());

    Page plain = browser.noScriptPage();
    plain.navigate(demoBase + "plans/");
    assertEquals(units.size(), plain.locator("#pb-plans tbody tr:visible").count());
    assertEquals(0, plain.locator("#pb-filters:visible").count(), "no filters without JavaScript");
  }

  @Test
  void searchResultsCanBeNarrowedByStatusAndMoreThanFiftyAreReachable() {
    Page page = browser.page();
    page.navigate(bigBase + "search/?q=retry");
    page.waitForSelector(".result");
    int all = Integer.parseInt(page.locator("#pb-search-status").textContent().split(" ")[0]);
    assertTrue(all > 100, all + " results for retry");
    assertEquals(50, page.locator(".result").count());
    page.click("#pb-search-more");
    assertEquals(100, page.locator(".result").count());
    page.selectOption("#pb-search-in", "blocked");
    String said = page.locator("#pb-search-status").textContent();
    assertTrue(said.contains(" among blocked match"), said);
    int blocked = Integer.parseInt(said.split(" ")[0]);
    assertTrue(blocked > 0 && blocked < all, said);
    assertEquals(
        Math.min(50, blocked), page.locator(".result .status-blocked").count(), "only blocked");
    assertEquals(Math.min(50, blocked), page.locator(".result").count());
    assertTrue(page.url().contains("status=blocked"), page.url());
  }
}
