package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev server over real HTTP on loopback: what it serves, what it refuses, live reload. */
class ServerTest {
  @TempDir Path tmp;
  private TestSite site;
  private Path theme;
  private Server server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    site =
        TestSite.of(
            tmp,
            """
            === units/unit-1-0-core.md ===
            # Unit 1.0: Core

            ## Tasks

            - [x] Schema
            - [ ] Writer
            === units/unit-1-1-api.md ===
            # Unit 1.1: API

            **Depends on:** Unit 1.0

            - [ ] Endpoint
            """);
    theme = Files.createDirectories(tmp.resolve("theme"));
    Settings settings = site.settings().withTheme(theme);
    server =
        new Server(
            () -> settings, "127.0.0.1", 0, new PrintWriter(out, true), new PrintWriter(err, true));
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void servesPagesWithTheirContentTypes() throws IOException {
    assertEquals("text/html; charset=utf-8", get("/").type());
    assertEquals("text/html; charset=utf-8", get("/plans/unit-1-0-core/").type());
    assertEquals("text/css; charset=utf-8", get("/assets/style.css").type());
    assertEquals("application/json; charset=utf-8", get("/status.json").type());
    assertEquals("image/svg+xml", get("/badges/unit-1-0-core.svg").type());
    assertEquals("image/svg+xml", get("/assets/favicon.svg").type());
    assertEquals("text/javascript; charset=utf-8", get(LiveReload.SCRIPT_PATH).type());
  }

  @Test
  void injectsTheLiveReloadScriptIntoPagesOnly() throws IOException {
    assertTrue(get("/").body().contains("<script src=\"/__planbake/live.js\"></script></body>"));
    assertFalse(get("/status.json").body().contains("live.js"));
  }

  @Test
  void aFolderWithoutSlashRedirectsAndAnUnknownPathIs404() throws IOException {
    Response r = get("/plans/unit-1-0-core");
    assertEquals(301, r.status());
    assertEquals("/plans/unit-1-0-core/", r.location());
    Response missing = get("/plans/nope/");
    assertEquals(404, missing.status());
    assertTrue(missing.body().contains("There is no page at this address"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../pom.xml",
        "/plans/../../pom.xml",
        "/%2e%2e/pom.xml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/plans/..%2f..%2fpom.xml",
        "/plans/%2e%2e%2f%2e%2e%2fpom.xml",
        "/..%5c..%5cpom.xml",
        "/assets/style.css%00.html",
        "/./index.html"
      })
  void refusesPathsThatCouldLeaveTheSite(String path) throws IOException {
    Response r = rawGet(path);
    assertEquals(400, r.status(), path);
    assertFalse(r.body().contains("<project"), "never the repository's files");
  }

  @Test
  void refusesMethodsOtherThanGetAndHead() throws IOException {
    HttpURLConnection c = open("/");
    c.setRequestMethod("DELETE");
    assertEquals(405, c.getResponseCode());
  }

  @Test
  void anEditSendsAReloadEventAndTheNewPage() throws Exception {
    BlockingQueue<String> events = listen();
    assertEquals("retry: 500", events.poll(10, TimeUnit.SECONDS));
    waitForClients(1);
    Path file = site.file("units/unit-1-0-core.md");
    Files.writeString(file, Files.readString(file).replace("- [ ] Writer", "- [x] Writer"));
    assertEquals("event: reload", nextEvent(events));
    assertTrue(get("/plans/unit-1-0-core/").body().contains("2/2"), "the page shows the edit");
    assertTrue(out.toString().contains("rebuilt "), out.toString());
  }

  @Test
  void aBrokenEditShowsTheProblemInTheTerminalAndThePageAndKeepsServing() throws Exception {
    BlockingQueue<String> events = listen();
    waitForClients(1);
    Files.writeString(
        site.file("units/unit-1-2-broken.md"), "# Unit 1.2: Broken\n\n**Depends on:** Unit 9.9\n");
    assertEquals("event: reload", nextEvent(events));
    assertTrue(err.toString().contains("unit-1-2-broken.md:3: error:"), err.toString());
    String page = get("/").body();
    assertTrue(page.contains("class=\"pb-serve-problems\""), "the page shows the error");
    assertTrue(page.contains("Unit 9.9"));

    // The next rebuild repeats nothing already shown.
    int shown = err.toString().length();
    Path file = site.file("units/unit-1-0-core.md");
    Files.writeString(file, Files.readString(file).replace("- [ ] Writer", "- [x] Writer"));
    assertEquals("event: reload", nextEvent(events));
    assertEquals("", err.toString().substring(shown));
    assertTrue(get("/").body().contains("Unit 9.9"), "the page still shows the open error");
  }

  @Test
  void aThemeEditRebuildsWithTheNewTheme() throws Exception {
    BlockingQueue<String> events = listen();
    waitForClients(1);
    Files.createDirectories(theme.resolve("assets"));
    Files.writeString(theme.resolve("assets/style.css"), "body { color: rebeccapurple; }\n");
    assertEquals("event: reload", nextEvent(events));
    assertEquals("body { color: rebeccapurple; }\n", get("/assets/style.css").body());
    // The same as a full build with that theme writes.
    Path out = tmp.resolve("full");
    dev.planbake.site.Site.build(site.settings().withTheme(theme).withOut(out));
    assertEquals(
        Files.readString(out.resolve("assets/style.css")), get("/assets/style.css").body());
    assertEquals(Files.readString(out.resolve("status.json")), get("/status.json").body());
  }

  @Test
  void rehearsalsAfterTheFirstBuildChangeNothingAndSayNothing() throws Exception {
    for (int i = 0; i < 600 && server.rehearsed() < 100; i++) {
      Thread.sleep(25);
    }
    assertEquals(100, server.rehearsed(), "a small site rehearses a hundred times within 15 s");
    assertFalse(out.toString().contains("rebuilt"), out.toString());
    Path built = tmp.resolve("full");
    dev.planbake.site.Site.build(site.settings().withTheme(theme).withOut(built));
    assertEquals(Files.readString(built.resolve("status.json")), get("/status.json").body());
    assertEquals(
        Files.readString(built.resolve("search/index.js")), get("/search/index.js").body());
  }

  @Test
  void aChangeEndsTheRehearsals() throws Exception {
    StringBuilder plans = new StringBuilder();
    for (int n = 1; n <= 300; n++) {
      plans.append(
          String.format(
              Locale.ROOT, "=== units/unit-%1$d-0-part.md ===\n# Unit %1$d.0: Part\n\n", n));
      if (n > 1) {
        plans.append(String.format(Locale.ROOT, "**Depends on:** Unit %d.0\n\n", n - 1));
      }
      plans.append("- [x] Design\n- [ ] Build\n- [ ] Ship\n");
    }
    TestSite big = TestSite.of(tmp.resolve("big"), plans.toString());
    Settings settings = big.settings();
    StringWriter said = new StringWriter();
    try (Server busy =
        new Server(
            () -> settings, "127.0.0.1", 0, new PrintWriter(said, true), new PrintWriter(err))) {
      busy.start();
      Path file = big.file("units/unit-7-0-part.md");
      Files.writeString(file, Files.readString(file).replace("- [ ] Build", "- [x] Build"));
      busy.onChange(Set.of(file));
      int after = busy.rehearsed();
      Thread.sleep(500);
      assertEquals(after, busy.rehearsed(), "no rehearsal after the change");
      assertTrue(after < 100, "the change came before all hundred rehearsals: " + after);
      assertTrue(said.toString().contains("rebuilt "), said.toString());
    }
  }

  @Test
  void aPortInUseIsSaidBeforeBuildingWithWhatToDo() throws Exception {
    StringWriter said = new StringWriter();
    Settings settings = site.settings();
    int taken = server.port();
    try (Server second =
        new Server(
            () -> settings,
            "127.0.0.1",
            taken,
            new PrintWriter(said, true),
            new PrintWriter(err))) {
      IOException e = assertThrows(IOException.class, second::start);
      assertTrue(
          e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken + " ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("--port 0 for any free one"), e.getMessage());
      StringWriter printed = new StringWriter();
      dev.planbake.cli.Main.run(
          new PrintWriter(printed),
          new PrintWriter(printed, true),
          "serve",
          "--plans",
          site.plans().toString(),
          "--port",
          String.valueOf(taken));
      assertEquals("planbake: " + e.getMessage() + "\n", printed.toString().replace("\r\n", "\n"));
      assertEquals("", said.toString(), "nothing built");
    }
  }

  @Test
  void verboseShowsEachBuildsStageTimes() throws Exception {
    StringWriter said = new StringWriter();
    Settings settings = site.settings();
    try (Server verbose =
        new Server(
            () -> settings,
            "127.0.0.1",
            0,
            new PrintWriter(said, true),
            new PrintWriter(err),
            true)) {
      verbose.start();
      String first = said.toString();
      assertTrue(
          first.matches(
              "(?s)built \\d+ pages in \\d+ ms.*\n  scan \\d+ ms, parse \\d+ ms, graph .*"),
          first);
    }
    assertFalse(out.toString().contains("scan "), "not without --verbose: " + out);
  }

  // ---- helpers

  private record Response(int status, String type, String location, String body) {}

  private HttpURLConnection open(String path) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + server.port() + path).toURL().openConnection();
    c.setInstanceFollowRedirects(false);
    c.setConnectTimeout(5000);
    c.setReadTimeout(10000);
    return c;
  }

  private Response get(String path) throws IOException {
    HttpURLConnection c = open(path);
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Response(
        status, c.getHeaderField("Content-Type"), c.getHeaderField("Location"), body);
  }

  /** A request written byte for byte, so no client library normalises the path first. */
  private Response rawGet(String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10000);
      OutputStream o = s.getOutputStream();
      o.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(all.substring(9, 12));
      int bodyAt = all.indexOf("\r\n\r\n");
      return new Response(status, null, null, bodyAt < 0 ? "" : all.substring(bodyAt + 4));
    }
  }

  /** Opens the event stream on a thread of its own and queues each line it receives. */
  private BlockingQueue<String> listen() throws IOException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpURLConnection c = open(LiveReload.EVENTS);
    c.setReadTimeout(0);
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("closed: " + e.getMessage());
              }
            });
    t.setDaemon(true);
    t.start();
    return lines;
  }

  private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("event:")) {
        return line;
      }
    }
    return "no event within 20 s";
  }

  private void waitForClients(int n) throws InterruptedException {
    for (int i = 0; i < 200 && server.liveClients() < n; i++) {
      Thread.sleep(25);
    }
    assertEquals(n, server.liveClients(), "connected pages");
  }
}
