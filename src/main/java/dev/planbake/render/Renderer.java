package dev.planbake.render;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.graph.Layout;
import dev.planbake.model.Changelog;
import dev.planbake.model.Document;
import dev.planbake.model.History;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Turns a resolved repository into every page of the site, in memory. */
public final class Renderer {
  private final Settings settings;
  private final String generator;
  private final Theme theme;
  private final Runnable onPlanPage;
  private final PageSink sink;
  private final java.util.concurrent.Executor workers;
  private BodyHtml body;
  private final SearchMemo searchMemo = new SearchMemo();
  private final StatusJson.Memo statusMemo = new StatusJson.Memo();
  private final AllPlans.Memo plansMemo = new AllPlans.Memo();
  private final FocusViews focusViews = new FocusViews();
  private final PagePaths paths = new PagePaths();
  private final Rows rows;

  /** Pages drawn again only when what they show changed (kept when pages are, under serve). */
  private final KeptPages kept = new KeptPages();

  private final Timeline.DueDates dueDates = new Timeline.DueDates();

  /** What the last update made, for the next to compare with and take from (serve). */
  private final LastUpdate last = new LastUpdate();

  /** The pages the last update rendered; every other page it returned was taken as it was. */
  private List<Page> rendered = List.of();

  /** Takes pages as they are rendered, from any thread. */
  public interface PageSink {
    void accept(Page page) throws IOException;
  }

  /**
   * Remembers graph layouts between updates (when pages are kept for later updates), so that an
   * edit that keeps a graph's shape reuses its layout, even after updates that drew no graph.
   */
  private final Layout layout;

  /** Layouts remembered between updates: several times the graph pages of a large site. */
  private static final int LAYOUTS_REMEMBERED = 512;

  private volatile long layoutMillis;
  private volatile long focusMillis;

  /** The plans' git history, for footers and plan pages ({@link History#NONE} outside git). */
  private History history = History.NONE;

  private Changelog changelog = Changelog.NONE;

  /** What pages made from the history kept between updates (plans' dates, /changes/). */
  private final Freshness.Memo historyMemo = new Freshness.Memo();

  private static final String CHANGES_PAGE = "changes/index.html";
  private static final String CHANGES_FEED = "changes.atom";

  /** Permalink pages are small: a job renders this many, so that a job is worth its handing out. */
  private static final int PERMALINKS_PER_JOB = 64;

  /** A renderer on the calling thread alone. */
  public Renderer(Settings settings, String generator) {
    this(settings, generator, () -> {}, null, Runnable::run);
  }

  /**
   * @param onPlanPage called (from any thread) after each plan page is rendered, for progress
   * @param sink if not null, every page goes here as soon as it is rendered instead of into the
   *     returned map, so a one-shot build of a large site never holds its pages
   * @param workers runs rendering jobs beside the calling thread, one per further core
   */
  public Renderer(
      Settings settings,
      String generator,
      Runnable onPlanPage,
      PageSink sink,
      java.util.concurrent.Executor workers) {
    this.settings = settings;
    this.generator = generator;
    this.theme = new Theme(settings.theme());
    this.rows = new Rows(theme);
    this.onPlanPage = onPlanPage;
    this.sink = sink;
    this.workers = workers;
    this.layout = new Layout(sink == null ? LAYOUTS_REMEMBERED : 0);
    Layout.warmUp();
  }

  /**
   * The git history the next updates show. Every page's footer names its commit, so a caller that
   * sets another history must have the next update render every page.
   */
  public void history(History h, Changelog changes) {
    this.history = h;
    this.changelog = changes;
  }

  /** Every page and asset of the site. */
  public List<Page> render(Repository repo, List<Diagnostic> diagnostics) {
    return new ArrayList<>(update(Map.of(), null, repo, diagnostics, null).values());
  }

  /**
   * Brings a rendered site up to date after some plans changed: renders the pages of the changed
   * plans, of every plan within two dependency steps of a unit whose status, progress or links
   * changed (plan pages show their neighbourhood to depth 2), their permalinks, and the pages that
   * list every unit (dashboard, lists, status.json, graph); every other page is taken from {@code
   * previous}.
   *
   * @param before the repository {@code previous} was rendered from (null: render everything)
   * @param changedPlans slugs of plans whose files changed (null: render everything)
   * @return every page of the site by path
   */
  public Map<String, Page> update(
      Map<String, Page> previous,
      Repository before,
      Repository repo,
      List<Diagnostic> diagnostics,
      Set<String> changedPlans) {
    paths.trim(repo);
    boolean sameShape = last.sameShape(before, repo, changedPlans);
    Map<UnitId, Unit> units = LastUpdate.byId(repo);
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (Plan p : repo.plans()) {
      plans.put(p.slug(), p);
    }
    // A one-shot build draws a unit's row once for all its lists; serve keeps rows between edits.
    rows.next(sink == null, units);
    Views views = new Views(units, plans, rows);
    Map<String, String> pageBySource = sameShape ? null : BodyHtml.targets(repo, paths);
    if (!sameShape && (body == null || !body.sameTargets(settings.trustHtml(), pageBySource))) {
      body = new BodyHtml(settings.trustHtml(), pageBySource);
    } else {
      Set<Object> current = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Plan p : repo.plans()) {
        for (Document d : p.documents()) {
          current.add(d.body());
        }
      }
      body.retain(current);
    }
    // What a later update can reuse is kept only by renderers that keep their pages (serve);
    // a one-shot build streams its pages away and would only spend memory on it.
    body.remember(sink == null);
    GraphGroups groups = last.groups(repo, units, sameShape);
    GraphBoxes.Cycles cycles = GraphBoxes.Cycles.of(repo);
    Neighbourhood hood = new Neighbourhood(units, groups, cycles);
    Pages pages =
        new Pages(
            theme,
            settings,
            generator,
            views,
            body,
            repo,
            units,
            hood,
            new Freshness(history, changelog, settings.editUrl(), historyMemo));
    // Plan pages link to the graph page of their units: when those move, all of them change; a
    // group page whose units came, went or moved is drawn again even if none of them changed.
    LastUpdate.Regrouping regrouping = last.regroup(groups, sameShape);
    boolean all = before == null || changedPlans == null || regrouping.pagesMoved();
    Map<UnitId, Unit> unitsBefore = all ? Map.of() : last.unitsOf(before);
    Affected changes = all ? null : new Affected(before, unitsBefore, repo, units, changedPlans);

    // A group page shows only its units and their neighbours: it is kept when none changed.
    GraphPages graphPages =
        new GraphPages(
            pages,
            theme,
            views,
            repo,
            units,
            groups,
            cycles,
            layout,
            all ? null : changes.within(0),
            regrouping.slugs(),
            previous::get);
    Set<UnitId> affected = all ? Set.of() : changes.within(Affected.DEPTH);
    Set<String> planSet = new HashSet<>();
    if (!all) {
      planSet.addAll(changedPlans);
      for (UnitId id : affected) {
        Unit u = units.get(id);
        if (u != null && !u.placeholder()) {
          planSet.add(u.planSlug());
        }
      }
    }
    List<Plan> toRender =
        all
            ? repo.plans()
            : repo.plans().stream()
                .filter(
                    p -> planSet.contains(p.slug()) || !previous.containsKey(paths.of(p).page()))
                .toList();

    // Every page is a job, run on all cores; the longest jobs come first so that the cores end
    // together: the graph layouts (ELK), then the search index and status.json, then the pages.
    List<Jobs.Job<List<Page>>> jobs = new ArrayList<>();
    AtomicLong graphNanos = new AtomicLong();
    for (Jobs.Job<Page> g : graphPages.jobs()) {
      jobs.add(
          () -> {
            long start = System.nanoTime();
            Page page = g.run();
            graphNanos.addAndGet(System.nanoTime() - start);
            return emit(page);
          });
    }
    // A one-shot build reads every plan once anyway; keeping their words would only cost memory.
    jobs.add(
        () ->
            emit(
                new Page(
                    SearchIndex.PATH, SearchIndex.render(repo, sink == null ? searchMemo : null))));
    jobs.add(
        () ->
            emit(
                new Page(
                    "status.json",
                    StatusJson.render(
                        repo, diagnostics, generator, sink == null ? statusMemo : null))));
    KeptPages keptPages = sink == null ? kept : null;
    Dashboard dashboard = new Dashboard(pages, theme, views, repo, keptPages);
    jobs.add(() -> emit(dashboard.dashboard(diagnostics), dashboard.problemsPage(diagnostics)));
    jobs.add(() -> emit(dashboard.criticalPath()));
    // A list shows one row per unit with links to the units it waits on: a row changes only with
    // its unit or the link of a unit it waits on (Affected.rows). An owner's or tag's page is found
    // by its URL in the last build too,
    // for a unit that has left it.
    Set<UnitId> rowsChanged = all ? Set.of() : changes.rows();
    List<String> keptLists = new ArrayList<>();
    Map<String, Lists.Listing> listedBefore = new HashMap<>();
    if (!all) {
      Lists.all(before).forEach(l -> listedBefore.put(l.url(), l));
    }
    for (Lists.Listing listing : Lists.all(repo)) {
      Lists.Listing was = listedBefore.get(listing.url());
      boolean stale =
          all
              || !previous.containsKey(listing.path())
              || rowsChanged.stream()
                  .anyMatch(
                      id ->
                          inList(listing, units.get(id))
                              || inList(was == null ? listing : was, unitsBefore.get(id)));
      if (stale) {
        jobs.add(() -> emit(pages.list(listing)));
      } else {
        keptLists.add(listing.path());
      }
    }
    if (all || !rowsChanged.isEmpty() || !previous.containsKey(AllPlans.PATH)) {
      AllPlans allPlans = new AllPlans(pages, theme, views, repo, sink == null ? plansMemo : null);
      jobs.add(() -> emit(allPlans.render()));
    } else {
      keptLists.add(AllPlans.PATH);
    }
    for (Plan p : toRender) {
      jobs.add(
          () -> {
            Page page = pages.plan(p);
            onPlanPage.run();
            return emit(page, pages.badge(p));
          });
    }
    List<Unit> permalinks = new ArrayList<>();
    for (Unit u : repo.units()) {
      if (all
          || affected.contains(u.id())
          || planSet.contains(u.planSlug())
          || !previous.containsKey(paths.permalinkPage(u))) {
        permalinks.add(u);
      }
    }
    for (int from = 0; from < permalinks.size(); from += PERMALINKS_PER_JOB) {
      List<Unit> slice =
          permalinks.subList(from, Math.min(permalinks.size(), from + PERMALINKS_PER_JOB));
      jobs.add(() -> emit(slice.stream().map(pages::permalink).toArray(Page[]::new)));
    }
    // Focus views: one per drawn unit; laid out by hand, no ELK.
    List<Unit> focused = new ArrayList<>();
    for (Unit u : repo.units()) {
      if (Focus.has(u)) {
        focused.add(u);
      }
    }
    jobs.addAll(
        focusViews.jobs(
            new Focus(pages, theme, units, groups, cycles),
            focused,
            units,
            changes,
            all ? Map.of() : previous,
            sink == null,
            this::emit));
    jobs.add(
        () ->
            emit(
                pages.search(keptPages),
                pages.notFound(keptPages),
                pages.timeline(keptPages, sink == null ? dueDates : new Timeline.DueDates())));
    // What changed comes from the commits, and names plans by their files, titles and URLs: an edit
    // that changed only boxes leaves it as it was while the history is the same.
    if (sameShape && last.changesDrawn(changelog) && previous.containsKey(CHANGES_PAGE)) {
      keptLists.add(CHANGES_PAGE);
      keptLists.add(CHANGES_FEED);
    } else {
      jobs.add(() -> emit(pages.changes()));
    }
    last.drewChanges(sink == null ? changelog : null);
    jobs.add(() -> emit(pages.progress()));
    if (!settings.baseUrl().isEmpty()) {
      jobs.add(() -> emit(Sitemap.of(settings.baseUrl(), repo)));
    }

    Map<String, Page> out = new LinkedHashMap<>();
    last.assets(theme.assets(), sink == null).forEach(p -> put(out, p));
    for (List<Page> made : Jobs.run(workers, jobs)) {
      made.forEach(p -> out.put(p.path(), p));
    }
    rendered = List.copyOf(out.values());
    layoutMillis = graphNanos.get() / 1_000_000;
    focusMillis = focusViews.millis();
    keptLists.forEach(path -> keep(previous, out, path));
    if (!all) {
      // Everything not rendered again is as it was, as long as its plan or unit still exists.
      last.ownPages(repo, paths, sameShape).forEach(path -> keep(previous, out, path));
    }
    if (sink == null) {
      last.remember(repo, units, groups);
    }
    return out;
  }

  private static boolean inList(Lists.Listing listing, Unit u) {
    return u != null && !u.placeholder() && listing.holds().test(u);
  }

  /**
   * How long the graph pages of the last update took (layout and drawing), summed over the threads
   * that made them. They are made beside the other pages, so this is part of the render time, not
   * added to it, and can exceed it on several cores.
   */
  public long graphMillis() {
    return layoutMillis;
  }

  /** How long the focus views of the last update took, summed over the threads that made them. */
  public long focusMillis() {
    return focusMillis;
  }

  /**
   * Adds a page to the site: into {@code out}, or straight to the sink of a one-shot build, which
   * then never holds more than the pages being rendered.
   */
  private void put(Map<String, Page> out, Page p) {
    if (sink == null) {
      out.put(p.path(), p);
      return;
    }
    try {
      sink.accept(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pages a job made: straight to the sink of a one-shot build (which then never holds more than
   * the pages being rendered), or returned to go into the site's map.
   */
  private List<Page> emit(Page... made) throws IOException {
    if (sink == null) {
      return List.of(made);
    }
    for (Page p : made) {
      sink.accept(p);
    }
    return List.of();
  }

  private static void keep(Map<String, Page> previous, Map<String, Page> out, String path) {
    if (!out.containsKey(path)) {
      Page p = previous.get(path);
      if (p != null) {
        out.put(path, p);
      }
    }
  }

  /**
   * The pages the last update rendered (none when they went to a sink): every other page it
   * returned is the very page object it was given, unchanged.
   */
  public List<Page> rendered() {
    return rendered;
  }

  /** The site path of a plan's page file ({@code plans/<slug>/index.html}). */
  public static String planPage(Plan p) {
    return Urls.plan(p) + "index.html";
  }

  /** Text escaped for HTML and XML as every page escapes it (one escaper for the whole site). */
  public static String escape(String text) {
    return Escape.xml(text);
  }

  /** The problems alone as JSON, in the shape status.json uses. */
  public static String diagnosticsJson(List<Diagnostic> diagnostics) {
    return StatusJson.diagnostics(diagnostics);
  }

  /** The path of a plans-folder file relative to the config folder, for "edit this page" links. */
  static String repoPath(Settings s, Plan p, String file) {
    Path abs = p.root().resolve(file).toAbsolutePath().normalize();
    Path base = s.base().toAbsolutePath().normalize();
    Path rel = abs.startsWith(base) ? base.relativize(abs) : Path.of(file);
    return rel.toString().replace(rel.getFileSystem().getSeparator().charAt(0), '/');
  }
}
