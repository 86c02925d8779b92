package dev.planbake.render;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Document;
import dev.planbake.model.Gate;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Section;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** One method per kind of page: builds its view model and renders its template. */
final class Pages {
  /** How many units a dashboard list shows before linking to the full list. */
  static final int LIST_LIMIT = 12;

  static final int PROBLEM_LIMIT = 50;

  /** The unit lists that have pages of their own under {@code /status/}. */
  enum ListKind {
    IN_PROGRESS("in-progress", "In progress", "Units with work under way.", Status.IN_PROGRESS),
    READY(
        "ready",
        "Ready to start",
        "Planned, not started, and everything they depend on is done.",
        null),
    BLOCKED(
        "blocked",
        "Blocked",
        "Not started and waiting on unfinished work, or declared blocked.",
        Status.BLOCKED),
    PLANNED("planned", "Planned", "Planned units, whether ready or blocked.", Status.PLANNED),
    DRAFT("draft", "Draft", "Plans still being written.", Status.DRAFT),
    REVIEW("review", "In review", "Units in review.", Status.REVIEW),
    DONE("done", "Done", "Finished units.", Status.DONE),
    CANCELLED("cancelled", "Cancelled", "Units that will not be done.", Status.CANCELLED);

    final String slug;
    final String heading;
    final String intro;
    final Status status;

    ListKind(String slug, String heading, String intro, Status status) {
      this.slug = slug;
      this.heading = heading;
      this.intro = intro;
      this.status = status;
    }

    Predicate<Unit> filter() {
      return switch (this) {
        case READY -> u -> column(u) == Column.READY;
        case BLOCKED -> u -> column(u) == Column.BLOCKED;
        default -> u -> u.status() == status;
      };
    }

    View.Status view() {
      return status == null ? Column.READY.view : Views.status(status);
    }
  }

  /**
   * Where a unit stands on a board: every unit is in exactly one column, so the dashboard's counts
   * add up. Work under way stays "in progress" even if it waits on something.
   */
  enum Column {
    DONE("done", "Done", "✓"),
    IN_PROGRESS("in-progress", "In progress", "◐"),
    REVIEW("review", "In review", "◎"),
    READY("ready", "Ready to start", "▶"),
    BLOCKED("blocked", "Blocked", "■"),
    DRAFT("draft", "Draft", "✎"),
    CANCELLED("cancelled", "Cancelled", "✕");

    final View.Status view;

    Column(String slug, String label, String icon) {
      this.view = new View.Status(slug, label, icon);
    }
  }

  /** The column of a unit, or null for pages that are not work (no tasks, no status). */
  static Column column(Unit u) {
    return switch (u.status()) {
      case DONE -> Column.DONE;
      case CANCELLED -> Column.CANCELLED;
      case IN_PROGRESS -> Column.IN_PROGRESS;
      case REVIEW -> Column.REVIEW;
      case NONE -> null;
      default ->
          u.blocked() ? Column.BLOCKED : u.status() == Status.DRAFT ? Column.DRAFT : Column.READY;
    };
  }

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
    }
  }

  // ---- dashboard

  Page dashboard(List<Diagnostic> diagnostics) {
    String root = "./";
    List<Unit> real = repo.units().stream().filter(u -> !u.placeholder()).toList();
    List<View.Count> counts = new ArrayList<>();
    for (Column c : Column.values()) {
      long n = real.stream().filter(u -> column(u) == c).count();
      if (n > 0
          || c == Column.DONE
          || c == Column.IN_PROGRESS
          || c == Column.READY
          || c == Column.BLOCKED) {
        counts.add(new View.Count(c.view, (int) n, root + "status/" + c.view.slug() + "/"));
      }
    }
    List<Unit> inProgress = real.stream().filter(u -> u.status() == Status.IN_PROGRESS).toList();
    List<Unit> ready = real.stream().filter(u -> column(u) == Column.READY).toList();
    List<Unit> blocked = real.stream().filter(u -> column(u) == Column.BLOCKED).toList();
    // Dated first, referenced after: only the eight shown need a reference made.
    List<View.UnitRef> recent =
        real.stream()
            .map(u -> new Dated(u, views.date(u), u.id().toString()))
            .filter(d -> !d.date().isEmpty())
            .sorted(Comparator.comparing(Dated::date).reversed().thenComparing(Dated::id))
            .limit(8)
            .map(d -> views.ref(d.unit(), root))
            .toList();
    List<View.GateRow> failed = new ArrayList<>();
    for (Unit u : real) {
      for (Gate g : u.part().content().gates()) {
        if (g.failed()) {
          failed.add(new View.GateRow(views.ref(u, root), g.name(), g.result()));
        }
      }
    }
    List<View.Problem> problems = new ArrayList<>();
    Path cwd = Path.of("");
    for (Diagnostic d : diagnostics) {
      if (problems.size() == PROBLEM_LIMIT) {
        break;
      }
      String loc =
          d.position().source() + (d.position().line() > 0 ? ":" + d.position().line() : "");
      problems.add(new View.Problem(d.severity().label(), loc, d.message()));
    }
    View.Progress progress = Views.progress(repo.progress());
    View.Dashboard dash =
        new View.Dashboard(
            progress,
            repo.plans().size(),
            real.size(),
            counts,
            rows(byProgress(inProgress), root),
            rows(ready, root),
            rows(blocked, root),
            recent,
            views.refs(repo.criticalPath(), root),
            failed,
            problems,
            Math.max(0, diagnostics.size() - PROBLEM_LIMIT),
            ready.size(),
            blocked.size(),
            inProgress.size());
    String description =
        String.format(
            Locale.ROOT,
            "%d%% done · %d/%d tasks · %d ready · %d blocked",
            progress.percent(),
            progress.done(),
            progress.total(),
            ready.size(),
            blocked.size());
    Map<String, Object> ctx = context(root, meta(settings.title(), description, ""));
    ctx.put("d", dash);
    return Page.text("index.html", theme.render("dashboard", ctx));
  }

  /** A unit with the date its reference would show and its id as text, for sorting. */
  private record Dated(Unit unit, String date, String id) {}

  private static List<Unit> byProgress(List<Unit> us) {
    return us.stream()
        .sorted(
            Comparator.comparingInt((Unit u) -> -u.progress().percent()).thenComparing(Unit::id))
        .toList();
  }

  private List<View.Row> rows(List<Unit> us, String root) {
    return us.stream().limit(LIST_LIMIT).map(u -> views.row(u, root)).toList();
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
    List<View.TocEntry> toc = new ArrayList<>();
    List<View.SectionBar> bars = new ArrayList<>();
    for (int i = 0; i < p.documents().size(); i++) {
      Document d = p.documents().get(i);
      String prefix = i == 0 ? "" : dev.planbake.parse.PlanParser.anchorPrefix(d.source());
      String html = body.clean(d, prefix, root);
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
            bars,
            toc,
            docs,
            root + Urls.badge(p),
            badgeMarkdown(p));
    Map<String, Object> ctx = context(root, meta(title, description, Urls.plan(p)));
    ctx.put("plan", view);
    ctx.put("history", freshness.of(p));
    return Page.text(Urls.plan(p) + "index.html", theme.render("plan", ctx));
  }

  private static String titleOf(Unit u) {
    return u.id().isNumbered() ? u.label() + ": " + u.title() : u.title();
  }

  private String sourcePath(Plan p) {
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
      return Page.text(path, theme.render("placeholder", ctx));
    }
    String target = root + Urls.unitPage(u);
    Map<String, Object> ctx = context(root, meta(titleOf(u), Views.summary(u), Urls.unitPage(u)));
    ctx.put("redirect", new View.Redirect(target, titleOf(u)));
    return Page.text(path, theme.render("redirect", ctx));
  }

  Page list(ListKind kind) {
    String root = "../../";
    List<View.Row> rows =
        repo.units().stream()
            .filter(u -> !u.placeholder())
            .filter(kind.filter())
            .map(u -> views.row(u, root))
            .toList();
    String description =
        rows.size() + (rows.size() == 1 ? " unit" : " units") + " · " + kind.heading;
    Map<String, Object> ctx =
        context(root, meta(kind.heading, description, "status/" + kind.slug + "/"));
    ctx.put("list", new View.ListPage(kind.heading, kind.intro, kind.view(), rows));
    return Page.text(listPath(kind), theme.render("list", ctx));
  }

  static String listPath(ListKind kind) {
    return "status/" + kind.slug + "/index.html";
  }

  Page badge(Plan p) {
    List<Unit> us = unitsByPlan.getOrDefault(p.slug(), List.of());
    Status s = us.size() == 1 ? us.get(0).status() : Status.derivedFrom(p.progress());
    String label = us.size() == 1 ? us.get(0).label() : p.slug();
    return Page.text(Urls.badge(p), Badge.svg(label, s, p.progress()));
  }

  Page search() {
    Map<String, Object> ctx =
        context(
            "../",
            meta("Search", "Search every unit by id, title, heading, task or text.", "search/"));
    return Page.text("search/index.html", theme.render("search", ctx));
  }

  Page notFound() {
    String root = settings.baseUrl().isEmpty() ? "/" : withSlash(settings.baseUrl());
    Map<String, Object> ctx =
        context(root, meta("Page not found", "This page does not exist.", ""));
    return Page.text("404.html", theme.render("404", ctx));
  }

  // ---- shared

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
