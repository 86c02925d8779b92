package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.ConfigFile;
import dev.planbake.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} does when a rebuild fails in any way (issue 24 items 4 and 7): it keeps
 * serving the last good site, keeps watching, shows the problem on every page, and picks up the
 * change that fixes it. Every change here goes through the real file watcher.
 */
class ServeFailuresTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private TestSite site;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anErrorInARebuildLeavesTheWatcherRunningAndTheProblemOnThePage() throws Exception {
    site = TestSite.of(tmp, "a.md", "# Alpha\n\n- [ ] one\n");
    Settings settings = site.settings().withBase(tmp);
    // The settings are read again when planbake.yml changes: the second and third reads throw
    // what a hostile plan made a rebuild throw before, the heap or the stack running out.
    AtomicInteger reads = new AtomicInteger();
    Supplier<Settings> source =
        () ->
            switch (reads.incrementAndGet()) {
              case 2 -> throw new OutOfMemoryError("Java heap space");
              case 3 -> throw new StackOverflowError();
              default -> settings;
            };
    start(source);

    Files.writeString(tmp.resolve("planbake.yml"), "title: x\n");
    awaitPage("/", "out of memory; give Java a larger heap");
    assertTrue(err.toString().contains("build failed, still serving the last good site"), err());

    // Still watching: a plan edit is picked up (a whole build, as the failed one may have left
    // half an update), and the banner goes with the failure.
    site.write("a.md", "# Alpha edited\n\n- [x] one\n");
    String page = awaitPage("/plans/a/", "Alpha edited");
    assertFalse(page.contains("pb-serve-problems"), page);

    Files.writeString(tmp.resolve("planbake.yml"), "title: y\n");
    awaitPage("/", "stack overflow while building");
    site.write("a.md", "# Alpha fixed\n\n- [x] one\n");
    page = awaitPage("/plans/a/", "Alpha fixed");
    assertFalse(page.contains("pb-serve-problems"), page);
  }

  @Test
  void aBrokenConfigKeepsItsBannerThroughPlanEditsUntilItReadsAgain() throws Exception {
    site = TestSite.of(tmp, "a.md", "# Alpha\n\n- [ ] one\n");
    Path config = tmp.resolve("planbake.yml");
    Files.writeString(config, "title: Good\n");
    Settings defaults = site.settings().withBase(tmp);
    start(
        () -> {
          try {
            return ConfigFile.load(config, defaults);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    Files.writeString(config, "title: Good\nnot_a_setting: 1\n");
    awaitPage("/", "not_a_setting");
    site.write("a.md", "# Alpha edited\n\n- [x] one\n");
    String page = awaitPage("/plans/a/", "Alpha edited");
    assertTrue(page.contains("not_a_setting"), "the config error stays on the page: " + page);

    // The banner shows the message as text, escaped as every page escapes text.
    Files.writeString(config, "title: Good\n\"<img src=x onerror=alert(1)>\": 1\n");
    page = awaitPage("/", "onerror");
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
    assertFalse(page.contains("<img src=x"), page);

    Files.writeString(config, "title: Fixed\n");
    page = awaitPage("/", "Fixed");
    assertFalse(page.contains("pb-serve-problems"), page);
  }

  private void start(Supplier<Settings> source) throws IOException {
    server =
        new Server(source, "127.0.0.1", 0, new PrintWriter(out, true), new PrintWriter(err, true));
    server.start();
  }

  /**
   * The page once it holds {@code text}, waiting for the watcher and the rebuild (at most 20 s).
   */
  private String awaitPage(String path, String text) throws Exception {
    String body = "";
    for (int i = 0; i < 400; i++) {
      body =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (body.contains(text)) {
        return body;
      }
      Thread.sleep(50);
    }
    assertEquals("a page holding " + text, body, err());
    return body;
  }

  private String err() {
    return err.toString();
  }
}
