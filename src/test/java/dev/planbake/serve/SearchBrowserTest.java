package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.planbake.GenPlans;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page in Chromium, on the demo plans and on a generated 1,000-plan site: ids, every
 * word (AND), quoted phrases, typos, title hits first, and snippets as written with the matched
 * words in {@code <mark>}.
 */
class SearchBrowserTest {
  @TempDir static Path tmp;
  static Browser browser;
  static Server server;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    server = BrowserTest.serve(BrowserTest.copy(Path.of("content", "plans"), tmp.resolve("plans")));
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

  private static final Boolean FALSE = Boolean.FALSE;

  /** How many units the status line says match. */
  static int count(Page page) {
    String s = page.locator("#pb-search-status").textContent();
    if (s.startsWith("No unit")) {
      return 0;
    }
    return Integer.parseInt(s.substring(0, s.indexOf(' ')).replace(",", ""));
  }

  @Test
  void everyWordMustMatchAndTitleHitsComeFirst() {
    Page page = browser.page();
    page.navigate(base + "search/");
    // "receipts" is in one unit's task; "invoice" in fourteen units: both, in that one only.
    search(page, "receipts");
    assertEquals(1, count(page));
    search(page, "invoice");
    assertEquals(14, count(page));
    search(page, "receipts invoice");
    assertEquals(1, count(page));
    assertEquals("Customer Payment Portal", firstResult(page).locator(".unit-title").textContent());
    search(page, "receipts zzzqqqxxy");
    assertEquals(0, count(page));
    // Titles holding the words first: "Invoice Builder" before units with invoices in a task.
    search(page, "invoice");
    List<String> titles = page.locator(".result .unit-title").allTextContents();
    assertTrue(titles.get(0).contains("Invoice"), titles.toString());
    int firstWithout = 0;
    while (firstWithout < titles.size()
        && titles.get(firstWithout).toLowerCase().contains("invoice")) {
      firstWithout++;
    }
    for (String t : titles.subList(firstWithout, titles.size())) {
      assertTrue(!t.toLowerCase().contains("invoice"), "title hits come first: " + titles);
    }
  }

  @Test
  void aQuotedPhraseNarrowsToUnitsHoldingItAsWritten() {
    Page page = browser.page();
    page.navigate(base + "search/");
    search(page, "bank details");
    int words = count(page);
    search(page, "\"bank details\"");
    assertEquals(2, count(page));
    assertTrue(words > 2, "both words, anywhere: " + words);
    for (Locator r : page.locator(".result").all()) {
      String match = r.locator(".result-match").textContent();
      assertTrue(match.contains("bank details"), match);
    }
    // Curly quotes as a phone keyboard types them, and an unclosed quote, are phrases too.
    search(page, "\u201cbank details\u201d");
    assertEquals(2, count(page));
    search(page, "\"details bank");
    assertEquals(0, count(page));
  }

  @Test
  void snippetsShowTheTextAsWrittenWithTheMatchedWordsMarked() {
    Page page = browser.page();
    page.navigate(base + "search/?q=" + "%22bank+details%22");
    Locator first = firstResult(page);
    assertEquals("Roles, Permissions and SAML SSO", first.locator(".unit-title").textContent());
    // Case and punctuation as the plan has them.
    String match = first.locator(".result-match").textContent();
    assertTrue(
        match.contains("issue refunds or change bank details. Until now every member"), match);
    assertEquals(List.of("bank", "details"), first.locator(".result-match mark").allTextContents());
    // A word of the title is marked there, as written.
    search(page, "saml");
    assertEquals(List.of("SAML"), firstResult(page).locator(".unit-title mark").allTextContents());
    // A word that starts longer words marks them whole; a part of a path only that part.
    search(page, "receipt");
    assertEquals(
        List.of("Receipts"), firstResult(page).locator(".result-match mark").allTextContents());
    search(page, "schedules");
    String path = page.locator(".result-match").first().innerHTML();
    assertTrue(path.contains("_invoice_<mark>schedules</mark>.sql"), path);
  }

  @Test
  void slashFocusesTheSearchBoxAndAnIdFindsItsUnitFirst() {
    Page page = browser.page();
    page.navigate(base + "plans/ledger-schema/");
    page.keyboard().press("/");
    assertEquals("pb-q", page.evaluate("document.activeElement.id"));
    page.keyboard().type("2.0");
    page.keyboard().press("Enter");
    page.waitForURL("**/search/?q=2.0");
    assertEquals("Unit 2.0", firstResult(page).locator(".unit-id").textContent());
    assertTrue(
        firstResult(page)
            .locator("a.unit-link")
            .getAttribute("href")
            .endsWith("plans/unit-2-0-invoice-builder/"));
    search(page, "004-recurring-invoices");
    assertEquals("004-recurring-invoices", firstResult(page).locator(".unit-id").textContent());
    search(page, "reporting-units#5.2");
    assertEquals(
        "Revenue Dashboard and CSV Export", firstResult(page).locator(".unit-title").textContent());
  }

  @Test
  void aWordOfOneTaskFindsItsUnitWithPrefixesAndTypos() {
    Page page = browser.page();
    page.navigate(base + "search/?q=receipts");
    Locator first = firstResult(page);
    assertEquals("Customer Payment Portal", first.locator(".unit-title").textContent());
    String match = first.locator(".result-match").textContent();
    assertTrue(match.contains("task: Receipts downloadable as PDF"), match);
    // It waits on unfinished units: the badge every page shows says so.
    assertEquals("Blocked", first.locator(".status").textContent().strip().substring(2));
    assertEquals("progressbar", first.locator(".progress-track").getAttribute("role"));
    for (String q : List.of("recei", "reciepts", "Receipts PDF")) {
      search(page, q);
      List<String> titles = page.locator(".result .unit-title").allTextContents();
      assertTrue(
          titles.subList(0, Math.min(3, titles.size())).contains("Customer Payment Portal"),
          q + ": " + titles);
    }
    search(page, "zzzqqqxxy");
    assertEquals(0, page.locator(".result").count());
    assertTrue(page.locator("#pb-search-status").textContent().contains("No unit matches"));
  }

  @Test
  void withoutJavaScriptTheSearchPageSaysSoAndLinksToTheLists() {
    Page page = browser.noScriptPage();
    page.navigate(base + "search/?q=ledger");
    Locator notice = page.locator(".notice");
    assertTrue(notice.textContent().contains("Search needs JavaScript"), notice.textContent());
    assertTrue(page.locator(".notice a[href='../status/ready/']").count() == 1);
  }

  static Locator firstResult(Page page) {
    page.locator("#pb-results .result").first().waitFor();
    return page.locator("#pb-results .result").first();
  }

  /** Types a query on the search page and waits for its results. */
  static void search(Page page, String q) {
    Locator box = page.locator("#pb-search-q");
    box.fill(q);
    box.press("Enter");
    page.waitForFunction(
        "q => document.getElementById('pb-search-status').textContent.includes('\\u201c' + q +"
            + " '\\u201d')",
        q);
  }

  /**
   * Search in the browser over the 1,000-plan corpus: each sampled unit id finds that unit first; a
   * quoted phrase narrows what its words find; more than 50 results are reachable.
   */
  @Test
  void searchFindsEachOfTwentySampledUnitsOfTheLargeCorpusByIdFirst() throws IOException {
    Path corpus = tmp.resolve("gen-1000");
    GenPlans.generate(corpus, 1000, 1, false);
    try (Server big = BrowserTest.serve(corpus.resolve("plans"))) {
      String bigBase = "http://127.0.0.1:" + big.port() + "/";
      List<Map<?, ?>> units =
          new ArrayList<>(
              BrowserTest.units(bigBase).stream()
                  .filter(u -> u.get("placeholder") == FALSE)
                  .toList());
      assertTrue(units.size() > 1000, "units: " + units.size());
      Collections.shuffle(units, new Random(6));
      Page page = browser.page();
      page.navigate(bigBase + "search/");
      System.out.printf(
          "search page of %d units: index read in %s ms%n",
          units.size(), page.locator("#pb-search-status").getAttribute("data-index-ms"));
      List<String> misses = new ArrayList<>();
      for (Map<?, ?> u : units.subList(0, 20)) {
        String id = (String) u.get("id");
        search(page, id);
        String href = firstResult(page).locator("a.unit-link").getAttribute("href");
        if (!href.equals("../" + u.get("url"))) {
          misses.add(id + " -> " + href);
        }
      }
      assertEquals(List.of(), misses);
      search(page, "retry storage");
      int words = count(page);
      page.locator("#pb-search-more").click();
      page.waitForFunction("() => document.querySelectorAll('#pb-results .result').length > 50");
      assertEquals(Math.min(100, words), page.locator(".result").count());
      search(page, "\"retry storage\"");
      int phrase = count(page);
      System.out.printf(
          "1,000 plans: \"retry storage\" %d units as words, %d as a phrase%n", words, phrase);
      assertTrue(phrase > 0 && phrase < words / 5, words + " as words, " + phrase + " as a phrase");
      for (String q : List.of("webhook", "retry storage", "wbhook", "invoice upload session")) {
        search(page, q);
        System.out.printf(
            "search of %d units for \"%s\": %s results in %s ms%n",
            units.size(),
            q,
            page.locator(".result").count(),
            page.locator("#pb-search-status").getAttribute("data-ms"));
      }
      // Close the pages while the server still runs: a server going away is not a page error.
      assertEquals(List.of(), browser.closePages());
    }
  }
}
