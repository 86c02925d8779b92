package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * sitemap.xml for search engines: the dashboard, every plan page, every list of units (statuses,
 * owners, tags, all plans), the critical path, the problems, the dependency graph and every unit's
 * focus view.
 */
final class Sitemap {
  private Sitemap() {}

  static Page of(String baseUrl, Repository repo) {
    String base = Pages.withSlash(baseUrl);
    List<String> paths = new ArrayList<>();
    paths.add("");
    for (Plan p : repo.plans()) {
      paths.add(Urls.plan(p));
    }
    paths.add("plans/");
    for (Lists.Listing l : Lists.all(repo)) {
      paths.add(l.url());
    }
    paths.add(Dashboard.CRITICAL);
    paths.add(Dashboard.PROBLEMS);
    paths.add("graph/");
    for (Unit u : repo.units()) {
      if (Focus.has(u)) {
        paths.add(Urls.focus(u));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path : paths) {
      sb.append("  <url><loc>").append(Escape.xml(base + path)).append("</loc></url>\n");
    }
    sb.append("</urlset>\n");
    return Page.text("sitemap.xml", sb.toString());
  }
}
