package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.HashMap;
import java.util.Map;

/**
 * The site paths of each plan's and unit's pages, made once and kept from one update to the next. A
 * rebuild in {@code serve} checks every plan's and unit's pages against the previous site (render
 * it again, or keep it?); making their ~4,000 paths anew on every edit of a 1,000-plan site, and
 * hashing each new string, was a serial cost of every edit. Used by one thread at a time.
 */
final class PagePaths {
  /** A plan's folder URL, page file and badge file. */
  record OfPlan(String dir, String page, String badge) {}

  private final Map<String, OfPlan> plans = new HashMap<>();
  private final Map<UnitId, String> permalinks = new HashMap<>();

  OfPlan of(Plan p) {
    return plans.computeIfAbsent(
        p.slug(), s -> new OfPlan(Urls.plan(s), Urls.plan(s) + "index.html", Urls.badge(p)));
  }

  /** The file of a unit's permalink page ({@code units/<id>/index.html}). */
  String permalinkPage(Unit u) {
    return permalinks.computeIfAbsent(u.id(), id -> Urls.unitPermalink(u) + "index.html");
  }

  /** Forgets the paths of plans and units gone since, once they would outnumber the living. */
  void trim(Repository repo) {
    if (plans.size() > 2 * repo.plans().size() + 64) {
      plans.clear();
    }
    if (permalinks.size() > 2 * repo.units().size() + 64) {
      permalinks.clear();
    }
  }
}
