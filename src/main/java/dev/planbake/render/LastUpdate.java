package dev.planbake.render;

import dev.planbake.model.Changelog;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a renderer that keeps its pages (serve) remembers of its last update, for the next to
 * compare with and take from: the repository and its units, the graph's groups, each plan's and
 * unit's page paths and the theme's asset pages. Used by one thread at a time.
 */
final class LastUpdate {
  private Repository repo;
  private Map<UnitId, Unit> units = Map.of();
  private GraphGroups groups;

  /** The graph page of every drawn unit, to notice a regrouping. */
  private Map<UnitId, String> graphPages = Map.of();

  /** The group slug of every drawn unit. */
  private Map<UnitId, String> slugs = Map.of();

  /** The page and badge of every plan and the permalink of every unit (null: not made yet). */
  private List<String> ownPages;

  /** The asset pages, reused while their bytes are the same array. */
  private Map<String, Page> assets = Map.of();

  /** The changelog the pages of what changed were last drawn from (null: none kept). */
  private Changelog changes;

  /** How the groups moved since the last update. */
  record Regrouping(boolean pagesMoved, Set<String> slugs) {}

  /**
   * Whether {@code now} has the shape of the last update's repository ({@code before}): the graph
   * stage keeps the last repository's edges when edits changed only boxes, and then every plan,
   * unit, file, link, status and group is as it was; only progress differs.
   */
  boolean sameShape(Repository before, Repository now, Set<String> changedPlans) {
    return before != null
        && changedPlans != null
        && before == repo
        && groups != null
        && now.edges() == before.edges()
        && now.cycles() == before.cycles()
        && sameUnits(before, now);
  }

  /**
   * Whether two repositories hold the same plans and the very same unit ids in the same order, as
   * the graph stage makes them when it keeps the last repository's shape (a full build makes new
   * ids).
   */
  private static boolean sameUnits(Repository a, Repository b) {
    if (a.units().size() != b.units().size() || a.plans().size() != b.plans().size()) {
      return false;
    }
    for (int i = 0; i < a.units().size(); i++) {
      if (a.units().get(i).id() != b.units().get(i).id()) {
        return false;
      }
    }
    for (int i = 0; i < a.plans().size(); i++) {
      if (!a.plans().get(i).slug().equals(b.plans().get(i).slug())) {
        return false;
      }
    }
    return true;
  }

  /** The graph's groups: the last update's with the new units when the shape is the same. */
  GraphGroups groups(Repository now, Map<UnitId, Unit> byId, boolean sameShape) {
    return sameShape ? groups.withUnits(byId) : new GraphGroups(now);
  }

  /**
   * Which group pages hold other units than at the last update (a unit came, went or moved), and
   * whether any unit's graph page moved: plan pages link to those, so then all of them change.
   */
  Regrouping regroup(GraphGroups now, boolean sameShape) {
    Set<String> moved = new HashSet<>();
    if (sameShape) {
      return new Regrouping(false, moved);
    }
    boolean pagesMoved = false;
    Map<UnitId, String> pageOf = now.pages();
    for (Map.Entry<UnitId, String> e : pageOf.entrySet()) {
      String was = graphPages.get(e.getKey());
      pagesMoved |= was != null && !was.equals(e.getValue());
    }
    graphPages = pageOf;
    Map<UnitId, String> slugsNow = now.slugs();
    slugsNow.forEach(
        (id, slug) -> {
          String was = slugs.get(id);
          if (!slug.equals(was)) {
            moved.add(slug);
            moved.add(was);
          }
        });
    slugs.forEach(
        (id, was) -> {
          if (!slugsNow.containsKey(id)) {
            moved.add(was);
          }
        });
    slugs = slugsNow;
    return new Regrouping(pagesMoved, moved);
  }

  /** The units of {@code before} by id: the last update's map when it is that repository. */
  Map<UnitId, Unit> unitsOf(Repository before) {
    return before == repo ? units : byId(before);
  }

  static Map<UnitId, Unit> byId(Repository repo) {
    Map<UnitId, Unit> m = new HashMap<>(2 * repo.units().size());
    for (Unit u : repo.units()) {
      m.put(u.id(), u);
    }
    return m;
  }

  /**
   * The page and badge of every plan and the permalink of every unit of {@code now}: the list made
   * last time when the shape is the same (the same plans and units).
   */
  List<String> ownPages(Repository now, PagePaths paths, boolean sameShape) {
    if (!sameShape || ownPages == null) {
      List<String> own = new ArrayList<>(2 * now.plans().size() + now.units().size());
      for (Plan p : now.plans()) {
        PagePaths.OfPlan at = paths.of(p);
        own.add(at.page());
        own.add(at.badge());
      }
      for (Unit u : now.units()) {
        own.add(paths.permalinkPage(u));
      }
      ownPages = own;
    }
    return ownPages;
  }

  /** The theme's assets as pages: those of the last update where the bytes are the same array. */
  List<Page> assets(Map<String, byte[]> files, boolean remember) {
    List<Page> out = new ArrayList<>(files.size());
    Map<String, Page> now = new HashMap<>();
    files.forEach(
        (path, bytes) -> {
          Page was = assets.get(path);
          Page page = was != null && was.bytes() == bytes ? was : new Page(path, bytes);
          now.put(path, page);
          out.add(page);
        });
    assets = remember ? now : Map.of();
    return out;
  }

  /** Whether the last update drew what changed from {@code log}. */
  boolean changesDrawn(Changelog log) {
    return changes != null && changes == log;
  }

  /** Remembers the changelog this update's pages of what changed come from (null: none). */
  void drewChanges(Changelog log) {
    changes = log;
  }

  /** Remembers this update for the next. */
  void remember(Repository now, Map<UnitId, Unit> byId, GraphGroups groupsNow) {
    repo = now;
    units = byId;
    groups = groupsNow;
  }
}
