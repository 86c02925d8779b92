package dev.planbake.render;

import dev.planbake.config.Settings;
import dev.planbake.model.Document;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Section;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One method per kind of page: builds its view model and renders its template. */
final class Pages {
  private final Theme theme;
  private final Settings settings;
  private final String generator;
  private final Views views;
  private final BodyHtml body;
  private final Repository repo;
  private final Map<UnitId, Unit> units;
  private final Map<String, List<Unit>> unitsByPlan = new HashMap<>();

  private final UnitDetails unitDetails;
  private final Freshness freshness;
  private final Burnup burnup;

  /** The repository's boxes over time (null outside git or with no box changed in the window). */
  private final Burnup.Series repoBurnup;

  Pages(
      Theme theme,
      Settings settings,
      String generator,
      Views views,
      BodyHtml body,
      Repository repo,
      Map<UnitId, Unit> units,
      Neighbourhood hood,
      Freshness freshness) {
    this.freshness = freshness;
    this.burnup = new Burnup(freshness.changelog(), freshness.today());
    this.repoBurnup = freshness.history().present() ? burnup.repository(repo) : null;
    this.unitDetails = new UnitDetails(views, hood, repo.units());
    this.theme = theme;
    this.settings = settings;
    this.generator = generator;
    this.views = views;
    this.body = body;
    this.repo = repo;
    this.units = units;
    for (Unit u : repo.units()) {
      if (!u.placeholder()) {
        unitsByPlan.computeIfAbsent(u.planSlug(), k -> new ArrayList<>()).add(u);
      }
      for (UnitId by : u.mentionedBy()) {
        Unit from = units.get(by);
        if (from != null) {
          mentioned.computeIfAbsent(from.planSlug(), k -> new ArrayList<>()).add(u.id());
        }
      }
    }
  }

  /** By plan, the units its text mentions outside its references. */
  private final Map<String, List<UnitId>> mentioned = new HashMap<>();

  /**
   * The page of each numbered unit a plan's text may name as "Unit 5.1": its own units first, then
   * those its references and mentions resolved to; a number two of those share is left out.
   */
  private Map<String, String> namedUnits(Plan p, List<Unit> own, String root) {
    Map<String, String> urls = new HashMap<>();
    for (Unit u : own) {
      if (u.id().isNumbered()) {
        urls.put(u.id().local(), root + Urls.unitPage(u));
      }
    }
    Map<String, String> others = new HashMap<>();
    java.util.Set<String> twice = new java.util.HashSet<>();
    List<UnitId> targets = new ArrayList<>(mentioned.getOrDefault(p.slug(), List.of()));
    for (Unit u : own) {
      targets.addAll(u.dependsOn());
      targets.addAll(u.enables());
      targets.addAll(u.related());
    }
    for (UnitId id : targets) {
      Unit t = units.get(id);
      if (t == null || !id.isNumbered() || t.placeholder() || urls.containsKey(id.local())) {
        continue;
      }
      String url = root + Urls.unitPage(t);
      String was = others.putIfAbsent(id.local(), url);
      if (was != null && !was.equals(url)) {
        twice.add(id.local());
      }
    }
    twice.forEach(others::remove);
    others.forEach(urls::putIfAbsent);
    return urls;
  }

  // ---- plan pages

  Page plan(Plan p) {
    String root = "../../";
    List<Unit> planUnits = unitsByPlan.getOrDefault(p.slug(), List.of());
    List<View.Detail> details = new ArrayList<>();
    for (Unit u : planUnits) {
      details.add(unitDetails.of(u, root, p.files().size() > 1));
    }
    List<View.Doc> docs = new ArrayList<>();
    List<View.Detail> unplaced = details;
    Map<String, String> named = namedUnits(p, planUnits, root);
    List<View.TocEntry> toc = new ArrayList<>();
    List<View.SectionBar> bars = new ArrayList<>();
    for (int i = 0; i < p.documents().size(); i++) {
      Document d = p.documents().get(i);
      String prefix = i == 0 ? "" : dev.planbake.parse.PlanParser.anchorPrefix(d.source());
      String html = UnitMentions.link(body.clean(d, prefix, root), named);
      if (i == 0 && p.multiUnit()) {
        Map<String, Object> page = context(root, meta("", "", ""));
        UnitSections.Placed placed =
            UnitSections.place(
                html, details, u -> theme.render("unit-section", UnitSections.context(page, u)));
        html = placed.html();
        unplaced = placed.unplaced();
      }
      boolean firstH1Dropped = true;
      if (i > 0) {
        toc.add(
            new View.TocEntry(1, fileName(d.source()), "pb-doc-" + prefix.replaceAll("-$", "")));
      }
      for (Section s : d.sections()) {
        if (s.level() == 1 && firstH1Dropped) {
          firstH1Dropped = false;
          continue;
        }
        if (s.level() <= 3) {
          toc.add(new View.TocEntry(i > 0 ? s.level() : s.level() - 1, s.title(), s.anchor()));
        }
        if (s.level() == 2 && s.progress().total() > 0) {
          bars.add(
              new View.SectionBar(s.title(), s.anchor(), s.level(), Views.progress(s.progress())));
        }
      }
      String anchor = i == 0 ? "" : "pb-doc-" + prefix.replaceAll("-$", "");
      docs.add(new View.Doc(d.source(), i == 0 ? "" : fileName(d.source()), anchor, html, i == 0));
    }
    Unit main = planUnits.size() == 1 ? planUnits.get(0) : null;
    String title = main != null ? titleOf(main) : p.title();
    String description =
        main != null
            ? Views.summary(main)
            : p.title()
                + " · "
                + planUnits.size()
                + " units · "
                + p.progress().done()
                + "/"
                + p.progress().total()
                + " tasks";
    String edit =
        settings.editUrl().isEmpty()
            ? ""
            : settings.editUrl() + Renderer.repoPath(settings, p, p.source());
    List<View.Field> fields = new ArrayList<>();
    for (dev.planbake.model.Field f : p.metadata().fields()) {
      fields.add(new View.Field(f.key(), f.value()));
    }
    View.Plan view =
        new View.Plan(
            p.slug(),
            title,
            p.multiUnit() ? "unit" : p.style().slug(),
            sourcePath(p),
            edit,
            fields,
            p.metadata().tags(),
            Views.progress(p.progress()),
            p.multiUnit(),
            details,
            unplaced,
            bars,
            toc,
            docs,
            root + Urls.badge(p),
            badgeMarkdown(p));
    Map<String, Object> ctx = context(root, meta(title, description, Urls.plan(p)));
    ctx.put("plan", view);
    ctx.put("history", freshness.of(p));
    Burnup.Series series = burnup.plan(p);
    ctx.put(
        "chart",
        series == null ? null : Burnup.chart(series, "pb-burnup", PLAN_CHART, "this plan"));
    return theme.page(Urls.plan(p) + "index.html", "plan", ctx);
  }

  private static String titleOf(Unit u) {
    return u.id().isNumbered() ? u.label() + ": " + u.title() : u.title();
  }

  /** The plan's file, or for a feature folder of several files the folder with a slash. */
  static String sourcePath(Plan p) {
    return p.files().size() > 1
        ? p.source().substring(0, p.source().lastIndexOf('/') + 1)
        : p.source();
  }

  private static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private String badgeMarkdown(Plan p) {
    String base = settings.baseUrl().isEmpty() ? "" : withSlash(settings.baseUrl());
    return "[!["
        + p.title().replace("]", "")
        + "]("
        + base
        + Urls.badge(p)
        + ")]("
        + base
        + Urls.plan(p)
        + ")";
  }

  // ---- permalinks, lists, badges, 404

  Page permalink(Unit u) {
    String root = "../".repeat(2 + (u.id().isScoped() ? 1 : 0));
    String path = Urls.unitPermalink(u) + "index.html";
    if (u.placeholder()) {
      Map<String, Object> ctx =
          context(
              root,
              meta(u.label() + " (not yet planned)", Views.summary(u), Urls.unitPermalink(u)));
      ctx.put("unit", views.ref(u, root));
      ctx.put("downstream", views.refs(u.enables(), root));
      return theme.page(path, "placeholder", ctx);
    }
    String target = root + Urls.unitPage(u);
    Map<String, Object> ctx = context(root, meta(titleOf(u), Views.summary(u), Urls.unitPage(u)));
    ctx.put("redirect", new View.Redirect(target, titleOf(u)));
    return theme.page(path, "redirect", ctx);
  }

  Page list(Lists.Listing l) {
    String root = "../../";
    List<View.Row> rows =
        repo.units().stream()
            .filter(u -> !u.placeholder())
            .filter(l.holds())
            .map(u -> views.row(u, root))
            .toList();
    String description =
        rows.size() + (rows.size() == 1 ? " unit" : " units") + " · " + l.heading();
    Map<String, Object> ctx = context(root, meta(l.heading(), description, l.url()));
    ctx.put("list", new View.ListPage(l.heading(), l.intro(), l.status(), rows, false));
    ctx.put("nav", l.nav());
    return theme.page(l.path(), "list", ctx);
  }

  Page badge(Plan p) {
    List<Unit> us = unitsByPlan.getOrDefault(p.slug(), List.of());
    String label = us.size() == 1 ? us.get(0).label() : p.slug();
    return Page.text(Urls.badge(p), Badge.svg(label, Badge.standing(us), p.progress()));
  }

  Page search(KeptPages kept) {
    Map<String, Object> ctx =
        context(
            "../",
            meta("Search", "Search every unit by id, title, heading, task or text.", "search/"));
    return KeptPages.page(kept, theme, "search/index.html", "search", ctx);
  }

  /** {@code /changes/} and {@code /changes.atom}, or none when the plans are not in git. */
  Page[] changes() {
    if (!freshness.history().present()) {
      return new Page[0];
    }
    String root = "../";
    ChangeViews views = new ChangeViews(repo, freshness);
    View.ChangesPage c = views.page(root);
    String description =
        c.count() + (c.count() == 1 ? " change" : " changes") + " since " + c.since();
    Map<String, Object> ctx = context(root, meta("What changed", description, "changes/"));
    ctx.put("changes", c);
    // Under serve an edit rarely changes what the list shows: the page is kept while its view is.
    Page page =
        freshness
            .memo()
            .page(new HashMap<>(ctx), () -> theme.page("changes/index.html", "changes", ctx));
    return new Page[] {
      page, Page.text("changes.atom", views.atom(settings.title(), settings.baseUrl()))
    };
  }

  /** The heights of the burn-up drawings, in their own units (720 wide). */
  private static final int PLAN_CHART = 150;

  private static final int SITE_CHART = 260;

  /** {@code /progress/}: the burn-up of all plans, or none when the plans are not in git. */
  Page[] progress() {
    if (!freshness.history().present()) {
      return new Page[0];
    }
    String root = "../";
    View.BurnupChart chart =
        repoBurnup == null ? null : Burnup.chart(repoBurnup, "pb-burnup", SITE_CHART, "all plans");
    String description =
        chart == null
            ? "No box was ticked or added in the weeks the history covers."
            : chart.summary()
                + (chart.projection().isEmpty() ? "" : " Projection: " + chart.projection());
    Map<String, Object> ctx = context(root, meta("Progress over time", description, "progress/"));
    ctx.put("chart", chart);
    ctx.put(
        "since",
        freshness.changelog().since() == null ? "" : freshness.changelog().since().toString());
    return new Page[] {theme.page("progress/index.html", "progress", ctx)};
  }

  /**
   * The dashboard's line on progress over time: "" outside git, else the projection's finish (or ""
   * without one); the dashboard links to {@code /progress/} whenever the plans are in git.
   */
  String projectionLine() {
    if (repoBurnup == null || repoBurnup.forecast() == null) {
      return "";
    }
    Burnup.Forecast f = repoBurnup.forecast();
    return f.fast().equals(f.slow())
        ? "by " + f.fast()
        : "between " + f.fast() + " and " + f.slow();
  }

  Page timeline(KeptPages kept, Timeline.DueDates dues) {
    String root = "../";
    View.TimelinePage t = Timeline.view(repo, views, freshness.today(), root, dues);
    String description =
        t.dated()
            + (t.dated() == 1 ? " unit" : " units")
            + " with a due date"
            + (t.overdue() > 0 ? " · " + t.overdue() + " overdue" : "");
    Map<String, Object> ctx = context(root, meta("Timeline", description, "timeline/"));
    ctx.put("timeline", t);
    return KeptPages.page(kept, theme, "timeline/index.html", "timeline", ctx);
  }

  Page notFound(KeptPages kept) {
    String root = settings.baseUrl().isEmpty() ? "/" : withSlash(settings.baseUrl());
    Map<String, Object> ctx =
        context(root, meta("Page not found", "This page does not exist.", ""));
    return KeptPages.page(kept, theme, "404.html", "404", ctx);
  }

  // ---- shared

  /** The units of a plan that are listed (not placeholders), in repository order. */
  List<Unit> units(Plan p) {
    return unitsByPlan.getOrDefault(p.slug(), List.of());
  }

  Freshness freshness() {
    return freshness;
  }

  String siteTitle() {
    return settings.title();
  }

  Map<String, Object> context(String root, View.Meta meta) {
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("site", new View.Site(settings.title(), root, generator));
    ctx.put("meta", meta);
    ctx.put("built", freshness.built());
    return ctx;
  }

  View.Meta meta(String title, String description, String path) {
    String canonical = settings.baseUrl().isEmpty() ? "" : withSlash(settings.baseUrl()) + path;
    String ogTitle = title.equals(settings.title()) ? title : title + " · " + settings.title();
    return new View.Meta(title, description, canonical, ogTitle);
  }

  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
