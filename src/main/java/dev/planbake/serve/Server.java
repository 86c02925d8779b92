package dev.planbake.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.render.Page;
import dev.planbake.render.Renderer;
import dev.planbake.site.Session;
import dev.planbake.site.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code planbake serve}: builds the site in memory, serves it on loopback, rebuilds when plans,
 * theme or config change, and reloads open pages. A build that fails keeps the last good site and
 * shows the problem in the terminal and on every page until it is fixed.
 */
public final class Server implements AutoCloseable {
  private static final String INJECT_BEFORE = "</body>";

  private final Supplier<Settings> settingsSource;
  private final String host;
  private final int requestedPort;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;
  private final LiveReload live = new LiveReload();
  private Settings settings;
  private Session session;
  private volatile Map<String, Page> pages = Map.of();
  private volatile List<String> problems = List.of();

  /** Errors of the last build, or why it failed. */
  private List<String> buildProblems = List.of();

  /** Why the config file did not read at the last attempt (empty once it reads). */
  private List<String> settingsProblems = List.of();

  /** Whether a rebuild threw part-way: the session may hold half an update. */
  private boolean sessionSpoilt;

  private Set<String> printed = Set.of();
  private HttpServer http;
  private ExecutorService executor;
  private Watcher watcher;

  /**
   * Rehearsed rebuilds after the first build (see {@link #rehearse()}), at most this many or for
   * {@link #REHEARSAL_NANOS}, whichever ends first.
   */
  private static final int REHEARSALS = 100;

  /**
   * No rehearsal starts after this long. At 1,000 plans rehearsals take 50-90 ms for the first 2 s,
   * then 140-210 ms while C2 compiles what they made hot, and ~35 ms from 4-6.5 s on (from the
   * 40th-70th rehearsal); at 10,000 plans 1.0-1.6 s, then 0.45-0.65 s, and ~0.3 s from ~15 s on.
   */
  private static final long REHEARSAL_NANOS = 15_000_000_000L;

  private volatile boolean edited;
  private volatile boolean closed;
  private volatile int rehearsed;

  /**
   * @param settingsSource reads the settings afresh (config file and flags), on start and when the
   *     config file changes
   */
  public Server(
      Supplier<Settings> settingsSource, String host, int port, PrintWriter out, PrintWriter err) {
    this(settingsSource, host, port, out, err, false);
  }

  /**
   * @param verbose whether to print each build's stage timings
   */
  public Server(
      Supplier<Settings> settingsSource,
      String host,
      int port,
      PrintWriter out,
      PrintWriter err,
      boolean verbose) {
    this.verbose = verbose;
    this.settingsSource = settingsSource;
    this.host = host;
    this.requestedPort = port;
    this.out = out;
    this.err = err;
  }

  /** Builds the site, starts serving and watching. */
  public void start() throws IOException {
    // The port first: when it is taken, say so before the first build, not after it.
    try {
      http = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
    } catch (BindException e) {
      throw new IOException(
          "cannot listen on "
              + displayHost()
              + ":"
              + requestedPort
              + " ("
              + e.getMessage()
              + "); choose another port with --port, or --port 0 for any free one",
          e);
    }
    try {
      settings = settingsSource.get();
      session = new Session(settings, true);
      long t0 = System.nanoTime();
      Session.Update first = session.refresh();
      pages = first.pages();
      report(first, t0, true);
    } catch (IOException | RuntimeException e) {
      http.stop(0);
      http = null;
      throw e;
    }
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "planbake-http");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
    watcher =
        new Watcher(
            watched(),
            List.of(settings.base().toAbsolutePath()),
            this::onChange,
            this::watchFailed);
    out.printf(Locale.ROOT, "Serving at http://%s:%d/ (Ctrl+C to stop)%n", displayHost(), port());
    if (!http.getAddress().getAddress().isLoopbackAddress()) {
      err.printf(
          Locale.ROOT,
          "warning: listening on %s, so every machine that can reach this one can read the plans"
              + " (serve has no password); --host 127.0.0.1 keeps it to this machine%n",
          displayHost());
      err.flush();
    }
    out.flush();
    Thread warm = new Thread(this::rehearse, "planbake-rehearsal");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
  }

  /**
   * Rebuilds as after an edit, from the files already read, until the first real change, 100 times
   * or for 15 s: the JIT then has compiled what an edit runs before the user's first edit. Ten
   * rehearsals (what this did first) stopped just before C2 compiled what they had made hot, so the
   * first real edits paid for it: 1,000 plans, medians of 10 edits once the server was idle 155.5,
   * 74.0, 58.5, 70.0 ms with ten, 44.0, 45.5, 39.5, 43.0 ms with these (docs/benchmarks.md). Each
   * rehearsal takes the lock a real rebuild takes, so a change waits for one at most.
   */
  private void rehearse() {
    long start = System.nanoTime();
    for (int round = 0; round < REHEARSALS && !edited && !closed; round++) {
      if (System.nanoTime() - start > REHEARSAL_NANOS) {
        return;
      }
      synchronized (this) {
        if (edited || closed) {
          return;
        }
        try {
          pages = session.rehearse(round).pages();
          rehearsed++;
        } catch (Throwable e) {
          // The next real change builds from scratch and reports what is wrong.
          sessionSpoilt = true;
          return;
        }
      }
    }
  }

  /** How many rehearsals have run (for tests). */
  int rehearsed() {
    return rehearsed;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private String displayHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private List<Path> watched() {
    List<Path> dirs = new ArrayList<>(settings.plans());
    if (settings.theme() != null) {
      dirs.add(settings.theme());
    }
    return dirs;
  }

  /** Rebuilds after a batch of file changes; the time reported includes waiting for the lock. */
  void onChange(Set<Path> changed) {
    long t0 = System.nanoTime();
    edited = true;
    synchronized (this) {
      rebuild(changed, t0);
    }
  }

  /**
   * Whatever a rebuild throws, even an {@link OutOfMemoryError} or a {@link StackOverflowError}
   * from a hostile plan, the server keeps serving the last good site, keeps watching, and shows the
   * problem on every page until a later change builds again.
   */
  private void rebuild(Set<Path> changed, long t0) {
    try {
      boolean configChanged =
          changed.stream()
              .anyMatch(
                  p ->
                      p.getFileName() != null && p.getFileName().toString().equals("planbake.yml"));
      boolean themeChanged =
          settings.theme() != null
              && changed.stream()
                  .anyMatch(p -> p.toAbsolutePath().startsWith(settings.theme().toAbsolutePath()));
      boolean relevant =
          configChanged || themeChanged || changed.stream().anyMatch(p -> inPlans(p));
      if (!relevant) {
        return;
      }
      if ((configChanged || themeChanged) && !reloadSettings()) {
        live.reload();
        return;
      }
      Session.Update u;
      if (configChanged || themeChanged || sessionSpoilt) {
        session = new Session(settings, true);
        u = session.refresh();
      } else {
        u = session.refresh(changed);
      }
      sessionSpoilt = false;
      pages = u.pages();
      report(u, t0, false);
    } catch (Throwable e) {
      // Half an update may be left in the session: the next change builds from scratch.
      sessionSpoilt = true;
      String why = Failures.describe(e);
      buildProblems = List.of("build failed: " + why);
      problems = shown();
      err.println("planbake: build failed, still serving the last good site: " + why);
      err.flush();
    }
    live.reload();
  }

  /**
   * Reads the settings again after the config file or theme changed. If they do not read (a broken
   * planbake.yml), the last good settings stay, and the problem is shown on every page, with what
   * later plan edits report, until the file reads again.
   */
  private boolean reloadSettings() {
    try {
      settings = settingsSource.get();
      settingsProblems = List.of();
      return true;
    } catch (RuntimeException e) {
      settingsProblems = List.of(Failures.describe(e).split("\n"));
      problems = shown();
      err.println("planbake: still serving with the last valid settings:");
      settingsProblems.forEach(err::println);
      err.flush();
      return false;
    }
  }

  /** The problems a page shows: the settings' that did not read, then the last build's errors. */
  private List<String> shown() {
    List<String> all = new ArrayList<>(settingsProblems);
    all.addAll(buildProblems);
    return List.copyOf(all);
  }

  /** The watcher met a throwable outside a rebuild; it goes on watching, and the user is told. */
  private void watchFailed(Throwable e) {
    String why = Failures.describe(e);
    err.println("planbake: watching for changes failed once, still watching: " + why);
    err.flush();
  }

  private boolean inPlans(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    for (Path root : settings.plans()) {
      if (abs.startsWith(root.toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private void report(Session.Update u, long t0, boolean first) {
    Path cwd = Path.of("");
    List<String> shown = new ArrayList<>();
    Set<String> now = new HashSet<>();
    for (Diagnostic d : u.result().diagnostics()) {
      String line = d.format(cwd);
      now.add(line);
      // The terminal keeps what it showed before: repeat only what is new since the last build.
      if (!printed.contains(line)) {
        err.println(line);
      }
      if (d.isError()) {
        shown.add(line);
      }
    }
    printed = now;
    buildProblems = shown;
    problems = shown();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (first) {
      out.printf(
          Locale.ROOT,
          "built %d pages in %d ms (%d errors, %d warnings)%n",
          u.pages().size(),
          ms,
          u.result().errors(),
          u.result().warnings());
    } else {
      out.printf(
          Locale.ROOT,
          "rebuilt %d pages in %d ms (%d errors, %d warnings)%n",
          u.changed().size(),
          ms,
          u.result().errors(),
          u.result().warnings());
    }
    if (verbose) {
      List<String> laps = new ArrayList<>();
      for (Site.Timing t : u.result().timings()) {
        laps.add(t.stage().strip() + " " + t.millis() + " ms");
      }
      out.println("  " + String.join(", ", laps));
    }
    out.flush();
    err.flush();
  }

  // ---- HTTP

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String raw = ex.getRequestURI().getRawPath();
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        send(
            ex,
            405,
            "text/plain; charset=utf-8",
            "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!Requests.allowedHost(ex.getRequestHeaders().getFirst("Host"), host)) {
        send(
            ex,
            403,
            "text/plain; charset=utf-8",
            ("this server answers to localhost, IP addresses and "
                    + host
                    + " only; start it with --host NAME to reach it as NAME\n")
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (LiveReload.EVENTS.equals(raw)) {
        live.subscribe(ex);
        return;
      }
      if (LiveReload.SCRIPT_PATH.equals(raw)) {
        send(ex, 200, ContentTypes.of(".js"), LiveReload.SCRIPT.getBytes(StandardCharsets.UTF_8));
        return;
      }
      Optional<String> path = Requests.sitePath(raw);
      if (path.isEmpty()) {
        send(
            ex, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Map<String, Page> site = pages;
      Page page = site.get(path.get());
      if (page == null && site.containsKey(path.get() + "/index.html")) {
        ex.getResponseHeaders().set("Location", raw + "/");
        send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (page == null) {
        Page notFound = site.get("404.html");
        byte[] body =
            notFound == null
                ? "not found\n".getBytes(StandardCharsets.UTF_8)
                : inject(notFound.bytes());
        send(ex, 404, "text/html; charset=utf-8", body);
        return;
      }
      String type = ContentTypes.of(page.path());
      byte[] body = type.startsWith("text/html") ? inject(page.bytes()) : page.bytes();
      send(ex, 200, type, body);
    }
  }

  /** Adds the live-reload script, and the current errors, to a page (serve mode only). */
  private byte[] inject(byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    StringBuilder add = new StringBuilder();
    List<String> current = problems;
    if (!current.isEmpty()) {
      add.append(
          "<div class=\"pb-serve-problems\" role=\"alert\" style=\"position:fixed;bottom:0;left:0;right:0;max-height:40vh;overflow:auto;margin:0;padding:0.75rem 1rem;background:#3a1d1f;color:#ffdcd7;font:14px/1.5 ui-monospace,monospace;z-index:1000\">");
      add.append("<strong>planbake: ")
          .append(current.size())
          .append(current.size() == 1 ? " error" : " errors")
          .append("</strong>");
      for (String p : current.subList(0, Math.min(current.size(), 20))) {
        add.append("<div>").append(Renderer.escape(p)).append("</div>");
      }
      add.append("</div>");
    }
    add.append("<script src=\"").append(LiveReload.SCRIPT_PATH).append("\"></script>");
    int at = page.lastIndexOf(INJECT_BEFORE);
    String result = at < 0 ? page + add : page.substring(0, at) + add + page.substring(at);
    return result.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    }
  }

  /** Pages open now (for tests). */
  int liveClients() {
    return live.clients();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (watcher != null) {
      watcher.close();
    }
    live.close();
    if (http != null) {
      http.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
