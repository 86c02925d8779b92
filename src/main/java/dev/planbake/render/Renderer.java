package dev.planbake.render;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a resolved repository into every page of the site, in memory. */
public final class Renderer {
  private final Settings settings;
  private final String generator;
  private final Theme theme;

  public Renderer(Settings settings, String generator) {
    this.settings = settings;
    this.generator = generator;
    this.theme = new Theme(settings.theme());
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
    Map<UnitId, Unit> units = new HashMap<>();
    for (Unit u : repo.units()) {
      units.put(u.id(), u);
    }
    Map<String, Plan> plans = new LinkedHashMap<>();
    Map<String, String> pageBySource = new HashMap<>();
    for (Plan p : repo.plans()) {
      plans.put(p.slug(), p);
      for (String f : p.files()) {
        pageBySource.put(f, Urls.plan(p));
      }
      if (p.files().size() > 1) {
        pageBySource.put(p.source().substring(0, p.source().lastIndexOf('/')), Urls.plan(p));
      }
    }
    Views views = new Views(units, plans);
    BodyHtml body = new BodyHtml(settings.trustHtml(), pageBySource);
    Pages pages = new Pages(theme, settings, generator, views, body, repo, units);

    boolean all = before == null || changedPlans == null;
    Set<UnitId> affected = all ? Set.of() : Affected.units(before, repo);
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
                    p ->
                        planSet.contains(p.slug())
                            || !previous.containsKey(Urls.plan(p) + "index.html"))
                .toList();

    Map<String, Page> out = new LinkedHashMap<>();
    theme.assets().forEach((path, bytes) -> out.put(path, new Page(path, bytes)));
    put(out, Page.text("status.json", StatusJson.render(repo, diagnostics, generator)));
    put(out, pages.dashboard(diagnostics));
    for (Page p : toRender.parallelStream().map(pages::plan).toList()) {
      put(out, p);
    }
    for (Plan p : toRender) {
      put(out, pages.badge(p));
    }
    for (Unit u : repo.units()) {
      if (all
          || affected.contains(u.id())
          || planSet.contains(u.planSlug())
          || !previous.containsKey(Urls.unitPermalink(u) + "index.html")) {
        put(out, pages.permalink(u));
      }
    }
    for (Pages.ListKind kind : Pages.ListKind.values()) {
      put(out, pages.list(kind));
    }
    put(out, pages.notFound());
    if (!settings.baseUrl().isEmpty()) {
      put(out, Sitemap.of(settings.baseUrl(), repo));
    }
    if (!all) {
      // Everything not rendered again is as it was, as long as its plan or unit still exists.
      for (Plan p : repo.plans()) {
        keep(previous, out, Urls.plan(p) + "index.html");
        keep(previous, out, Urls.badge(p));
      }
      for (Unit u : repo.units()) {
        keep(previous, out, Urls.unitPermalink(u) + "index.html");
      }
    }
    return out;
  }

  private static void put(Map<String, Page> out, Page p) {
    out.put(p.path(), p);
  }

  private static void keep(Map<String, Page> previous, Map<String, Page> out, String path) {
    if (!out.containsKey(path)) {
      Page p = previous.get(path);
      if (p != null) {
        out.put(path, p);
      }
    }
  }

  /** The site path of a plan's page file ({@code plans/<slug>/index.html}). */
  public static String planPage(Plan p) {
    return Urls.plan(p) + "index.html";
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
    return rel.toString().replace('\\', '/');
  }
}
