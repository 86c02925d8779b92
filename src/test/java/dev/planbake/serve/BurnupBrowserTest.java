package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.planbake.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The burn-up in Chromium, on the demo plans committed as a story: every box unticked at first,
 * then the plans ticked back to what the demo says over ten weeks, one plan added half-way. No axe
 * violation on /progress/ and on a plan page, light or dark; neither scrolls sideways on a phone.
 */
class BurnupBrowserTest {
  @TempDir static Path tmp;
  static Browser browser;
  static Server server;
  static String base;

  /** The demo's plan the story ticks and whose page is checked. */
  static final String PLAN = "plans/2026-05-04-ach-direct-debit/";

  @BeforeAll
  static void start() throws IOException {
    GitRepo repo = story(tmp.resolve("demo"));
    server = BrowserTest.serve(repo.dir().resolve("plans"));
    repo.close();
    base = "http://127.0.0.1:" + server.port() + "/";
    browser = new Browser();
  }

  /** The demo plans with every box unticked, then ticked back file by file over ten weeks. */
  static GitRepo story(Path dir) throws IOException {
    BrowserTest.copy(Path.of("content", "plans"), dir.resolve("plans"));
    GitRepo repo = GitRepo.init(dir);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("plans"))) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<String> finals = new ArrayList<>();
    List<Path> ticked = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f);
      finals.add(text);
      String open = text.replace("- [x]", "- [ ]").replace("- [X]", "- [ ]");
      if (!open.equals(text)) {
        ticked.add(f);
      }
      Files.writeString(f, open);
    }
    // One plan comes half-way: its boxes raise the total.
    Path late = ticked.get(ticked.size() - 1);
    String lateText = Files.readString(late);
    Files.delete(late);
    LocalDate day = LocalDate.parse("2026-09-07");
    repo.commit("Ann", day.toString(), "Plans, nothing ticked yet");
    int[] pace = {1, 2, 1, 3, 1, 2, 2, 1, 3, 2};
    int next = 0;
    for (int week = 0; week < pace.length && next < ticked.size() - 1; week++) {
      for (int i = 0; i < pace[week] && next < ticked.size() - 1; i++, next++) {
        Path f = ticked.get(next);
        Files.writeString(f, finals.get(files.indexOf(f)));
        repo.commit(
            i % 2 == 0 ? "Bob" : "Cy",
            day.plusDays(7L * week + 1 + 2L * i).toString(),
            "Tick " + f.getFileName());
      }
      if (week == 4) {
        repo.write(dir.relativize(late).toString(), lateText);
        repo.commit("Ann", day.plusDays(7L * week + 5).toString(), "Add " + late.getFileName());
      }
    }
    return repo;
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

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void axeFindsNothingOnTheBurnupPages(boolean dark) {
    List<String> violations = new ArrayList<>();
    for (String path : List.of("progress/", PLAN)) {
      Page page = browser.page(dark, 1366, 900, false);
      page.navigate(base + path);
      assertTrue(page.locator("svg.burnup-svg").count() == 1, path + " has a burn-up");
      violations.addAll(Axe.violations(page).stream().map(v -> path + ": " + v).toList());
      // The table under the drawing is checked open too.
      page.locator(".burnup-data summary").click();
      violations.addAll(Axe.violations(page).stream().map(v -> path + " (open): " + v).toList());
      if (path.equals("progress/")) {
        page.locator(".burnup-data summary").click();
        Browser.screenshot(page, dark ? "progress-dark" : "progress-light");
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theBurnupFitsAPhoneWithoutScrollingThePage() {
    Page page = browser.page(false, 390, 844, true);
    List<String> wide = new ArrayList<>();
    for (String path : List.of("", "progress/", PLAN)) {
      page.navigate(base + path);
      Object overflow = page.evaluate(BrowserTest.OVERFLOW);
      if (overflow != null) {
        wide.add(path + ": " + overflow);
      }
    }
    assertEquals(List.of(), wide);
    page.navigate(base + "progress/");
    assertTrue(page.locator(".projection").isVisible(), "the projection is shown");
    Browser.screenshot(page, "progress-phone");
  }
}
