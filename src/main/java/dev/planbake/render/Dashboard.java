package dev.planbake.render;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostic.Severity;
import dev.planbake.model.Gate;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard and the pages it sums up: the critical path ({@code /critical-path/}) and the
 * authors' problems ({@code /problems/}). The dashboard shows the most useful few rows of each list
 * and links to the whole list, so that it stays about three screens high at any size.
 */
final class Dashboard {
  /** How many rows a dashboard list shows before "all N →". */
  static final int SHOWN = 10;

  /** How many of the most recently dated units the dashboard names. */
  static final int RECENT_SHOWN = 8;

  /** How many units of the critical path the dashboard names. */
  static final int CHAIN_SHOWN = 4;

  /** How many problems the problems page lists; {@code planbake check} prints them all. */
  static final int PROBLEM_LIMIT = 1000;

  static final String PROBLEMS = "problems/";
  static final String CRITICAL = "critical-path/";

  private final Pages pages;
  private final Theme theme;
  private final Views views;
  private final Repository repo;
  private final List<Unit> real;

  /** Pages kept from the last update (null: a one-shot build, which keeps none). */
  private final KeptPages kept;

  Dashboard(Pages pages, Theme theme, Views views, Repository repo, KeptPages kept) {
    this.kept = kept;
    this.pages = pages;
    this.theme = theme;
    this.views = views;
    this.repo = repo;
    this.real = repo.units().stream().filter(u -> !u.placeholder()).toList();
  }

  Page dashboard(List<Diagnostic> diagnostics) {
    String root = "./";
    Map<Standing, List<Unit>> by = new EnumMap<>(Standing.class);
    for (Unit u : real) {
      by.computeIfAbsent(u.standing(), k -> new ArrayList<>()).add(u);
    }
    List<View.Count> counts = new ArrayList<>();
    for (Standing s : Lists.ORDER) {
      int n = by.getOrDefault(s, List.of()).size();
      if (n > 0 || s.open() && s != Standing.DRAFT && s != Standing.REVIEW || s == Standing.DONE) {
        counts.add(new View.Count(Views.standing(s), n, root + Urls.list(s.slug())));
      }
    }
    List<Unit> inProgress = by.getOrDefault(Standing.IN_PROGRESS, List.of());
    List<Unit> ready = by.getOrDefault(Standing.READY, List.of());
    List<Unit> blocked = by.getOrDefault(Standing.BLOCKED, List.of());
    List<Dated> dated = new ArrayList<>();
    for (Unit u : real) {
      String date = views.date(u);
      if (!date.isEmpty()) {
        dated.add(new Dated(u, date, u.id().toString()));
      }
    }
    List<View.UnitRef> recent = new ArrayList<>();
    for (Dated d : first(dated, RECENT_SHOWN, NEWEST)) {
      recent.add(views.ref(d.unit(), root));
    }
    int work = 0;
    int done = by.getOrDefault(Standing.DONE, List.of()).size();
    for (Unit u : real) {
      if (u.standing() != Standing.NONE && u.standing() != Standing.CANCELLED) {
        work++;
      }
    }
    int[] plans = plansDone();
    Problems p = problems(diagnostics, root);
    View.Progress progress = Views.progress(repo.progress());
    View.Dashboard dash =
        new View.Dashboard(
            progress,
            repo.plans().size(),
            plans[1],
            plans[0],
            work,
            done,
            counts,
            rows(first(inProgress, SHOWN, NEAREST_DONE), root),
            rows(first(ready, SHOWN, MOST_ENABLING), root),
            rows(first(blocked, SHOWN, BLOCKED_FIRST), root),
            inProgress.size(),
            ready.size(),
            blocked.size(),
            recent,
            chain(root),
            p.gates().size(),
            p.contradictions().size(),
            (int) diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count(),
            (int) diagnostics.stream().filter(d -> d.severity() != Severity.ERROR).count());
    String description =
        String.format(
            Locale.ROOT,
            "%d of %d plans done · %d%% of tasks ticked · %d ready · %d blocked",
            plans[0],
            plans[1],
            progress.percent(),
            ready.size(),
            blocked.size());
    Map<String, Object> ctx = pages.context(root, pages.meta(pages.siteTitle(), description, ""));
    ctx.put("d", dash);
    ctx.put("projection", pages.projectionLine());
    return theme.page("index.html", "dashboard", ctx);
  }

  /**
   * {done, all}: plans with work (a unit that is not cancelled and not outside the work), and of
   * those the ones whose every unit is done or cancelled.
   */
  private int[] plansDone() {
    Map<String, boolean[]> plans = new HashMap<>();
    for (Unit u : real) {
      Standing s = u.standing();
      if (s == Standing.NONE) {
        continue;
      }
      boolean[] p = plans.computeIfAbsent(u.planSlug(), k -> new boolean[] {false, true});
      p[0] |= s != Standing.CANCELLED;
      p[1] &= !s.open();
    }
    int all = 0;
    int done = 0;
    for (boolean[] p : plans.values()) {
      if (p[0]) {
        all++;
        done += p[1] ? 1 : 0;
      }
    }
    return new int[] {done, all};
  }

  /** A unit with the date its reference would show and its id as text, for sorting. */
  private record Dated(Unit unit, String date, String id) {}

  /** Newest first, then by id. */
  private static final Comparator<Dated> NEWEST =
      Comparator.comparing(Dated::date).reversed().thenComparing(Dated::id);

  /** Nearest to done first; one with every box ticked (a status not updated) after the rest. */
  private static final Comparator<Unit> NEAREST_DONE =
      Comparator.comparing(Unit::openWithAllTicked)
          .thenComparingInt((Unit u) -> -u.progress().percent())
          .thenComparing(Unit::id);

  /** The units whose start would let most others start first. */
  private static final Comparator<Unit> MOST_ENABLING =
      Comparator.comparingInt((Unit u) -> -u.enables().size()).thenComparing(Unit::id);

  /** Declared blocked with a reason first, then those holding up most others. */
  private static final Comparator<Unit> BLOCKED_FIRST =
      Comparator.comparing((Unit u) -> u.blockedReason().isEmpty())
          .thenComparingInt((Unit u) -> -u.enables().size())
          .thenComparing(Unit::id);

  /**
   * The first {@code n} of {@code items} in {@code order}, as sorting them all and taking {@code n}
   * gives (equal items keep their order): the dashboard shows ten of a thousand, so each item is
   * compared with the last of the ten kept, nearly always once, instead of sorting them all.
   */
  static <T> List<T> first(List<T> items, int n, Comparator<? super T> order) {
    List<T> kept = new ArrayList<>(n + 1);
    for (T item : items) {
      if (kept.size() == n && order.compare(item, kept.get(n - 1)) >= 0) {
        continue;
      }
      int at = kept.size();
      while (at > 0 && order.compare(item, kept.get(at - 1)) < 0) {
        at--;
      }
      kept.add(at, item);
      if (kept.size() > n) {
        kept.remove(n);
      }
    }
    return kept;
  }

  private List<View.Row> rows(List<Unit> us, String root) {
    return us.stream().limit(SHOWN).map(u -> views.row(u, root)).toList();
  }

  /** The critical path in short: its length, its first few units and its last. */
  private View.Chain chain(String root) {
    List<dev.planbake.model.UnitId> path = repo.criticalPath();
    if (path.isEmpty()) {
      return new View.Chain(0, List.of(), null);
    }
    List<View.UnitRef> first =
        views.refs(path.subList(0, Math.min(CHAIN_SHOWN, path.size())), root);
    View.UnitRef last =
        path.size() > CHAIN_SHOWN ? views.ref(path.get(path.size() - 1), root) : null;
    return new View.Chain(path.size(), first, last);
  }

  // ---- critical path

  Page criticalPath() {
    String root = "../";
    List<View.Row> rows = new ArrayList<>();
    for (dev.planbake.model.UnitId id : repo.criticalPath()) {
      Unit u = views.unit(id);
      if (u != null) {
        rows.add(views.row(u, root));
      }
    }
    String intro =
        "The longest chain of units that still need work, each depending on the one before: "
            + rows.size()
            + (rows.size() == 1 ? " unit" : " units")
            + ", first to last. Finishing them in this order is the shortest way to the end.";
    Map<String, Object> ctx = pages.context(root, pages.meta("Critical path", intro, CRITICAL));
    ctx.put(
        "list",
        new View.ListPage(
            "Critical path", intro, new View.Status("critical", "Critical path", "→"), rows, true));
    ctx.put("nav", "critical");
    return KeptPages.page(kept, theme, CRITICAL + "index.html", "list", ctx);
  }

  // ---- problems

  /** What authors should fix, apart from the dashboard: failed gates, contradictions, messages. */
  private record Problems(List<View.GateRow> gates, List<View.UnitRef> contradictions) {}

  private Problems problems(List<Diagnostic> diagnostics, String root) {
    List<View.GateRow> failed = new ArrayList<>();
    List<View.UnitRef> contradictions = new ArrayList<>();
    for (Unit u : real) {
      for (Gate g : u.part().content().gates()) {
        if (g.failed()) {
          failed.add(new View.GateRow(views.ref(u, root), g.name(), g.result()));
        }
      }
      if (u.doneWithOpenBoxes() || u.openWithAllTicked()) {
        contradictions.add(views.ref(u, root));
      }
    }
    return new Problems(failed, contradictions);
  }

  Page problemsPage(List<Diagnostic> diagnostics) {
    String root = "../";
    Problems p = problems(diagnostics, root);
    List<View.Problem> listed = new ArrayList<>();
    for (Diagnostic d : listedProblems(diagnostics)) {
      String loc =
          d.position().source() + (d.position().line() > 0 ? ":" + d.position().line() : "");
      listed.add(new View.Problem(d.severity().label(), loc, d.message(), d.hint()));
    }
    int total = p.gates().size() + p.contradictions().size() + diagnostics.size();
    String description =
        total == 0
            ? "No problems found in the plans."
            : total + (total == 1 ? " problem" : " problems") + " for the plans' authors to fix.";
    Map<String, Object> ctx = pages.context(root, pages.meta("Problems", description, PROBLEMS));
    ctx.put(
        "problems",
        new View.ProblemsPage(
            p.gates(),
            p.contradictions(),
            listed,
            Math.max(0, diagnostics.size() - PROBLEM_LIMIT),
            total));
    return KeptPages.page(kept, theme, PROBLEMS + "index.html", "problems", ctx);
  }

  /**
   * The problems the page lists, in their order: all of them up to the limit; past it every error
   * first, then as many warnings as still fit, so that warnings never push an error off the page.
   */
  private static List<Diagnostic> listedProblems(List<Diagnostic> diagnostics) {
    if (diagnostics.size() <= PROBLEM_LIMIT) {
      return diagnostics;
    }
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warningRoom = Math.max(0, PROBLEM_LIMIT - errors);
    List<Diagnostic> listed = new ArrayList<>();
    int errorsListed = 0;
    int warningsListed = 0;
    for (Diagnostic d : diagnostics) {
      if (d.isError() && errorsListed < PROBLEM_LIMIT) {
        errorsListed++;
        listed.add(d);
      } else if (!d.isError() && warningsListed < warningRoom) {
        warningsListed++;
        listed.add(d);
      }
    }
    return listed;
  }
}
