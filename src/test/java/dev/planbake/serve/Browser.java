package dev.planbake.serve;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} driven by Playwright (which
 * downloads no browser of its own here), one browser for a whole test class, and a fresh context
 * per page with every console error and uncaught exception recorded.
 */
final class Browser implements AutoCloseable {
  /** Debian's package; {@code .ci/run} installs it when missing. */
  static final List<Path> CHROMIUM =
      List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  /** Everything a page logged as an error, with the URL it was on. */
  final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  Browser() {
    Path exe = chromium();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(exe).setHeadless(true));
  }

  static Path chromium() {
    String env = System.getenv("PLANBAKE_CHROMIUM");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path p : CHROMIUM) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "the browser tests need Chromium: `apt-get install -y chromium` (as .ci/run does), or set"
            + " PLANBAKE_CHROMIUM to its path");
  }

  /** A new page in a new context: light or dark, desktop or phone sized. */
  Page page(boolean dark, int width, int height, boolean mobile) {
    return page(dark, width, height, mobile, true);
  }

  /** A page of a browser with JavaScript turned off. */
  Page noScriptPage() {
    return page(false, 1280, 900, false, false);
  }

  private Page page(boolean dark, int width, int height, boolean mobile, boolean javaScript) {
    com.microsoft.playwright.Browser.NewContextOptions o =
        new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(width, height)
            .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)
            .setIsMobile(mobile)
            .setHasTouch(mobile)
            .setDeviceScaleFactor(1)
            .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE)
            // axe-core is injected as a script tag; a Content-Security-Policy must not stop it.
            .setBypassCSP(true)
            .setJavaScriptEnabled(javaScript);
    BrowserContext ctx = browser.newContext(o);
    ctx.setDefaultTimeout(15_000);
    contexts.add(ctx);
    Page page = ctx.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) {
            errors.add(page.url() + ": console error: " + m.text() + " " + m.location());
          }
        });
    page.onPageError(e -> errors.add(page.url() + ": uncaught: " + e));
    page.onResponse(
        r -> {
          if (r.status() >= 400) {
            errors.add(page.url() + ": HTTP " + r.status() + " for " + r.url());
          }
        });
    return page;
  }

  Page page() {
    return page(false, 1280, 900, false);
  }

  /** Closes the pages opened since the last call; returns the errors they logged, and forgets. */
  List<String> closePages() {
    for (BrowserContext c : contexts) {
      c.close();
    }
    contexts.clear();
    List<String> out;
    synchronized (errors) {
      out = new ArrayList<>(errors);
      errors.clear();
    }
    return out;
  }

  /** Writes a screenshot of what the page shows to {@code target/screenshots/NAME.png}. */
  static void screenshot(Page page, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closePages();
    browser.close();
    playwright.close();
  }
}
