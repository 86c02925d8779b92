package dev.planbake.site;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import dev.planbake.graph.Graph;
import dev.planbake.history.GitHistory;
import dev.planbake.model.Changelog;
import dev.planbake.model.History;
import dev.planbake.model.Html;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.parse.PlanParser;
import dev.planbake.render.Page;
import dev.planbake.render.Renderer;
import dev.planbake.scan.PlanSource;
import dev.planbake.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A build that can be repeated cheaply: plans whose files have not changed are not parsed again,
 * and each refresh reports which pages changed. {@code build} uses one refresh; {@code serve} keeps
 * a session and refreshes it on every change.
 */
public final class Session {
  private final Settings settings;
  private final boolean render;
  private final Renderer renderer;
  private final Site.Progress progress;
  private final boolean keep;
  private final Scanner.Cache scanCache = new Scanner.Cache();
  private final AtomicInteger parsedCount = new AtomicInteger();
  private final AtomicInteger renderedCount = new AtomicInteger();
  private volatile int toParse;
  private volatile int toRender;

  /**
   * The plans of the last refresh as parsed, by where their primary file is: a source is looked up
   * there and compared with the one parsed (the same object when its files were not read again),
   * instead of hashing every source's whole text on every refresh.
   */
  private Map<Where, Parsed> parsed = new HashMap<>();

  private Map<String, Page> pages = new LinkedHashMap<>();
  private Repository previous;

  /** What the last graph build resolved (kept sessions only: a one-shot run records nothing). */
  private final Graph.Memo graphMemo;

  /** What the last scan read and reported (kept sessions only), for {@link #rehearse}. */
  private List<PlanSource> lastSources;

  private List<Diagnostic> lastScanProblems = List.of();

  private boolean lastScanSawLinks;

  /** Where each file of the last scan is in {@link #lastSources}, made when first needed. */
  private Map<Path, int[]> fileIndex;

  /** Reads the plans' git history again when HEAD has moved (rendering sessions only). */
  private final GitHistory gitHistory;

  /** The history being read beside the scan and parse of the current refresh. */
  private CompletableFuture<Past> nextHistory;

  /** What changed in the plans, from the history's revisions (rendering sessions only). */
  private final Changes changes;

  /** The history read beside a refresh, and the changelog made from it on the same thread. */
  private record Past(History history, Changelog changelog) {}

  /** The plans of this refresh as parsed, for the changelog (completed always, by the refresh). */
  private CompletableFuture<List<Changes.Head>> heads =
      CompletableFuture.completedFuture(List.of());

  private Diagnostics historyProblems = new Diagnostics();

  /** The commit the pages show (null before the first render, or outside git). */
  private String shownCommit;

  /** The plans of the last refresh, by identity: a plan not parsed again is the same object. */
  private Set<Plan> lastPlans = Set.of();

  /** A plan as parsed from its source, with the problems its parse reported. */
  private record Parsed(PlanSource source, Plan plan, List<Diagnostic> problems) {}

  /** Where a plan's primary file is: the key of {@link #parsed}. */
  private record Where(Path root, String primary) {
    static Where of(PlanSource s) {
      return new Where(s.root(), s.primary().source());
    }
  }

  /** The last refresh's parse of {@code s}, if its files are the same, else null. */
  private Parsed parsedBefore(PlanSource s) {
    Parsed p = parsed.get(Where.of(s));
    return p != null && (p.source() == s || p.source().equals(s)) ? p : null;
  }

  /** What a refresh produced: the result, the pages that changed or went away, and all pages. */
  public record Update(
      Site.Result result, List<Page> changed, Set<String> removed, Map<String, Page> pages) {}

  /**
   * @param render whether to render pages (false for {@code check})
   */
  public Session(Settings settings, boolean render) {
    this(settings, render, Site.Progress.NONE, null, true);
  }

  /**
   * @param progress told how many plans are parsed and rendered so far
   * @param planPages if not null, takes every page as it is rendered (pages are then not in {@link
   *     Update#pages()})
   * @param keep whether to keep what a later refresh can reuse (false for one-shot runs, which then
   *     hold no file text once it is parsed)
   */
  Session(
      Settings settings,
      boolean render,
      Site.Progress progress,
      Renderer.PageSink planPages,
      boolean keep) {
    this.settings = settings;
    this.render = render;
    this.progress = progress;
    this.keep = keep;
    this.graphMemo = keep ? new Graph.Memo() : null;
    this.gitHistory = render ? new GitHistory(settings.plans()) : null;
    this.changes =
        render && !settings.plans().isEmpty() ? new Changes(settings.plans().get(0)) : null;
    this.renderer =
        render
            ? new Renderer(
                settings,
                Site.GENERATOR,
                () -> progress.update("render", renderedCount.incrementAndGet(), toRender),
                planPages,
                Parallel.workers())
            : null;
  }

  /** Reads the plans again and brings the site up to date. */
  public synchronized Update refresh() throws IOException {
    readHistory();
    try {
      Diagnostics diagnostics = new Diagnostics();
      Stopwatch clock = new Stopwatch();
      // No local holds the sources: once parsed, a one-shot run lets their text go.
      List<Plan> plans =
          PlanParser.uniqueSlugs(parse(scan(diagnostics, clock), clock, diagnostics));
      return update(plans, clock, diagnostics);
    } finally {
      heads.complete(List.of());
    }
  }

  /**
   * Brings the site up to date after {@code changed} files changed. If they are all plan files the
   * last scan read, and still read without a problem, only they are read again; anything else (a
   * new, deleted or renamed file, a folder, a file now too large or not UTF-8, a plans folder with
   * symbolic links) is a whole refresh. {@code serve} passes what its watcher saw.
   */
  public synchronized Update refresh(Set<Path> changed) throws IOException {
    List<PlanSource> sources = edited(changed);
    return sources == null ? refresh() : withoutScan(sources);
  }

  /** The last scan's plans with the changed files read again, or null if that will not do. */
  private List<PlanSource> edited(Set<Path> changed) {
    if (lastSources == null || lastScanSawLinks || changed.isEmpty()) {
      return null;
    }
    if (fileIndex == null) {
      fileIndex = new HashMap<>();
      for (int i = 0; i < lastSources.size(); i++) {
        PlanSource s = lastSources.get(i);
        for (int j = 0; j < s.files().size(); j++) {
          fileIndex.put(absolute(s.root().resolve(s.files().get(j).source())), new int[] {i, j});
        }
      }
    }
    Set<Path> troubled = new HashSet<>();
    for (Diagnostic d : lastScanProblems) {
      troubled.add(absolute(d.position().file()));
    }
    Scanner reader = new Scanner(settings.ignore(), settings.maxFileBytes(), new Diagnostics());
    List<PlanSource> next = new ArrayList<>(lastSources);
    for (Path p : changed) {
      Path abs = absolute(p);
      int[] at = fileIndex.get(abs);
      if (at == null || troubled.contains(abs)) {
        return null;
      }
      PlanSource s = next.get(at[0]);
      PlanSource.File f = reader.reread(s.root(), s.files().get(at[1]).source());
      if (f == null) {
        return null;
      }
      List<PlanSource.File> files = new ArrayList<>(s.files());
      files.set(at[1], f);
      next.set(at[0], new PlanSource(s.root(), s.folder(), files));
    }
    return next;
  }

  private static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * Brings the site up to date from the files the last refresh read, as if one plan ({@code round}
   * picks which) had been edited without changing it: the work of a rebuild after an edit, which
   * {@code serve} does a few times after its first build so that the JIT has compiled it before the
   * first real edit. The pages come out as they were; files changed since the last refresh are not
   * looked at (the next refresh reads them).
   */
  public synchronized Update rehearse(int round) throws IOException {
    if (lastSources == null || lastSources.isEmpty()) {
      return refresh();
    }
    parsed.remove(Where.of(lastSources.get(Math.floorMod(round * 7919, lastSources.size()))));
    return withoutScan(lastSources);
  }

  /** Brings the site up to date from {@code sources}, with what the last scan reported. */
  private Update withoutScan(List<PlanSource> sources) {
    readHistory();
    try {
      lastSources = sources;
      Diagnostics diagnostics = new Diagnostics();
      diagnostics.addAll(lastScanProblems);
      Stopwatch clock = new Stopwatch();
      clock.lap("scan");
      List<Plan> plans = PlanParser.uniqueSlugs(parse(sources, clock, diagnostics));
      return update(plans, clock, diagnostics);
    } finally {
      heads.complete(List.of());
    }
  }

  /**
   * The plans' files, read afresh (unchanged ones from the cache); what reading them reported goes
   * to {@code diagnostics}. A kept session remembers both for {@link #rehearse}.
   */
  private List<PlanSource> scan(Diagnostics diagnostics, Stopwatch clock) throws IOException {
    Diagnostics found = new Diagnostics(Integer.MAX_VALUE);
    Scanner scanner =
        new Scanner(settings.ignore(), settings.maxFileBytes(), found)
            .withCache(keep ? scanCache : null);
    List<PlanSource> sources = scanner.scan(settings.plans());
    List<Diagnostic> problems = found.inOrder();
    diagnostics.addAll(problems);
    if (keep) {
      lastSources = sources;
      lastScanProblems = problems;
      lastScanSawLinks = scanner.sawSymbolicLinks();
      fileIndex = null;
    }
    clock.lap("scan");
    return sources;
  }

  /**
   * Starts reading the git history on a thread of its own, so that a cold build walks the commits
   * while it scans and parses; {@link #update} waits for it.
   */
  private void readHistory() {
    if (gitHistory == null) {
      return;
    }
    Diagnostics problems = new Diagnostics();
    historyProblems = problems;
    CompletableFuture<List<Changes.Head>> parsedHeads = new CompletableFuture<>();
    heads = parsedHeads;
    nextHistory =
        CompletableFuture.supplyAsync(
            () -> {
              History h = gitHistory.current(problems);
              return new Past(h, changes == null ? Changelog.NONE : changes.of(h, parsedHeads));
            },
            r -> {
              Thread t = new Thread(r, "planbake-history");
              t.setDaemon(true);
              t.start();
            });
  }

  /** The history read beside this refresh, and whether its commit is not the one pages show. */
  private Past history(Diagnostics diagnostics) {
    Past p = nextHistory == null ? new Past(History.NONE, Changelog.NONE) : nextHistory.join();
    diagnostics.addAll(historyProblems.inOrder());
    return p;
  }

  private Update update(List<Plan> plans, Stopwatch clock, Diagnostics diagnostics) {
    clock.lap("parse");
    Repository repo = Graph.build(plans, diagnostics, graphMemo);
    clock.lap("graph");
    List<Page> changed = new ArrayList<>();
    Set<String> removed = new HashSet<>();
    if (render) {
      Past past = history(diagnostics);
      History history = past.history();
      String commit = history.present() ? history.head().id() : null;
      // Every footer names the commit: when it moves, every page is rendered again.
      boolean moved = !pages.isEmpty() && !Objects.equals(commit, shownCommit);
      shownCommit = commit;
      renderer.history(history, past.changelog());
      clock.lap("history");
      Set<String> changedPlans = moved ? null : new HashSet<>();
      for (Plan p : plans) {
        if (!moved && !lastPlans.contains(p)) {
          changedPlans.add(p.slug());
        }
      }
      renderedCount.set(0);
      toRender = pages.isEmpty() || moved ? plans.size() : changedPlans.size();
      Map<String, Page> next =
          renderer.update(pages, previous, repo, diagnostics.sorted(), changedPlans);
      progress.update("render", toRender, toRender);
      clock.lap("render");
      clock.note(" graphs", renderer.graphMillis());
      clock.note(" focus", renderer.focusMillis());
      // Only pages rendered again can differ: the others are the objects they were.
      boolean added = false;
      for (Page p : renderer.rendered()) {
        Page before = pages.get(p.path());
        added |= before == null;
        if (before != p && (before == null || !Arrays.equals(before.bytes(), p.bytes()))) {
          changed.add(p);
        }
      }
      if (added || next.size() != pages.size()) {
        for (String path : pages.keySet()) {
          if (!next.containsKey(path)) {
            removed.add(path);
          }
        }
      }
      pages = next;
    }
    previous = repo;
    lastPlans = Collections.newSetFromMap(new IdentityHashMap<>());
    lastPlans.addAll(plans);
    Site.Result result =
        new Site.Result(
            repo,
            diagnostics.sorted(),
            diagnostics.errors(),
            diagnostics.warnings(),
            diagnostics.dropped(),
            pages.size(),
            new ArrayList<>(clock.laps()));
    return new Update(result, changed, removed, pages);
  }

  /** The repository of the last refresh (null before the first). */
  public synchronized Repository repository() {
    return previous;
  }

  /**
   * Parses the plans that changed since the last refresh, on all cores; the others are taken from
   * the previous refresh with their problems. A plan that breaks the parser (a bug, not bad
   * content) is reported and left out, so one file never takes the whole site down.
   */
  private List<Plan> parse(List<PlanSource> sources, Stopwatch clock, Diagnostics diagnostics) {
    // Each source's parse: the last refresh's where its files are the same (kept sessions only),
    // else made now.
    Parsed[] got = new Parsed[sources.size()];
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      got[i] = keep ? parsedBefore(sources.get(i)) : null;
      if (got[i] == null) {
        at.add(i);
      }
    }
    List<PlanSource> todo =
        at.size() == sources.size() ? sources : at.stream().map(sources::get).toList();
    parsedCount.set(0);
    toParse = todo.size();
    long chars = 0;
    for (PlanSource s : sources) {
      for (PlanSource.File f : s.files()) {
        chars += f.text().length();
      }
    }
    boolean pack = Html.worthPacking(chars, Runtime.getRuntime().maxMemory());
    List<Parsed> fresh =
        Parallel.map(
            todo,
            s -> {
              Parsed p = parseOne(s, pack);
              progress.update("parse", parsedCount.incrementAndGet(), toParse);
              return p;
            });
    for (int k = 0; k < at.size(); k++) {
      got[at.get(k)] = fresh.get(k);
    }
    Map<Where, Parsed> next = keep ? new HashMap<>(2 * sources.size()) : Map.of();
    List<Plan> plans = new ArrayList<>(sources.size());
    List<Changes.Head> single = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      PlanSource s = sources.get(i);
      Parsed p = got[i];
      if (keep) {
        next.put(Where.of(s), p);
      }
      diagnostics.addAll(settings.trustHtml() ? kept(p.problems()) : p.problems());
      if (p.plan() != null) {
        plans.add(p.plan());
        if (!s.isFeatureFolder()) {
          single.add(new Changes.Head(s.primary().source(), s.primary().text(), p.plan()));
        }
      }
    }
    heads.complete(single);
    parsed = keep ? next : Map.of();
    return plans;
  }

  /**
   * The problems without the parser's notes that unsafe HTML or URLs "are removed": with trusted
   * HTML nothing is removed, and the summary says so once instead.
   */
  private static List<Diagnostic> kept(List<Diagnostic> problems) {
    return problems.stream().filter(d -> !d.message().endsWith(" is removed")).toList();
  }

  private static Parsed parseOne(PlanSource s, boolean packHtml) {
    Diagnostics own = new Diagnostics(Integer.MAX_VALUE);
    try {
      Plan plan = PlanParser.parse(s, own, packHtml);
      return new Parsed(s, plan, own.sorted());
    } catch (RuntimeException | StackOverflowError e) {
      PlanSource.File f = s.primary();
      own.add(
          Diagnostic.error(
                  Position.of(s.root().resolve(f.source()), f.source(), 1),
                  "internal error while reading this plan (" + e + "); it is left out")
              .withHint("please report it with the file attached"));
      return new Parsed(s, null, own.sorted());
    }
  }
}
