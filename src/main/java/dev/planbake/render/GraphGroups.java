package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.SafePath;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which units the graph pages draw and on which page. Every drawn unit belongs to a group: the
 * folder that holds its plan (for a feature folder such as {@code specs/004-x/}, the folder that
 * holds it: {@code specs}), a folder of fewer than {@link #MIN_GROUP} units folded into its parent
 * below the top folder; a folder with more than {@link #GROUP_LIMIT} units is cut into parts
 * between plans, so that a multi-unit file or a feature folder stays on one page, and each part is
 * named by its first and last plan ({@link #guideWords}). {@code /graph/} draws the whole graph
 * when it has at most {@link #WHOLE_LIMIT} units and fits the screen, and otherwise shows the
 * groups. See docs/graph.md for why.
 */
final class GraphGroups {
  /** The most units one page lays out whole: beyond this a layered drawing stops being readable. */
  static final int WHOLE_LIMIT = 150;

  /** The most units of one group page (its outside neighbours come on top). */
  static final int GROUP_LIMIT = 100;

  /** The fewest units a folder below the top one needs to be a group of its own. */
  static final int MIN_GROUP = 8;

  /** The group of units named but not yet planned. */
  private static final String NOT_PLANNED = "(not yet planned)";

  private static final Comparator<Unit> BY_SOURCE =
      Comparator.comparing(Unit::source).thenComparing(Unit::id);

  /** One group: its display name, URL slug under {@code graph/}, and units in id order. */
  record Group(String name, String slug, List<Unit> units) {}

  private final List<Unit> shown;
  private final int wholeLimit;
  private final List<Group> groups;
  private final Map<UnitId, Group> groupOf = new HashMap<>();

  GraphGroups(Repository repo) {
    this(repo, WHOLE_LIMIT, GROUP_LIMIT);
  }

  GraphGroups(Repository repo, int wholeLimit, int groupLimit) {
    List<Unit> s = new ArrayList<>();
    for (Unit u : repo.units()) {
      if (drawn(u)) {
        s.add(u);
      }
    }
    this.shown = s;
    this.wholeLimit = wholeLimit;
    Set<String> featureFolders = new HashSet<>();
    for (Plan p : repo.plans()) {
      if (p.files().size() > 1) {
        featureFolders.add(p.slug());
      }
    }
    this.groups = group(s, groupLimit, featureFolders);
    for (Group g : groups) {
      for (Unit u : g.units()) {
        groupOf.put(u.id(), g);
      }
    }
  }

  /**
   * The same groups holding the units of {@code units}, for a repository whose units have the same
   * ids, statuses and links as this one's (only their boxes changed): grouping them again would
   * give these groups.
   */
  GraphGroups withUnits(Map<UnitId, Unit> units) {
    return new GraphGroups(this, units);
  }

  private GraphGroups(GraphGroups before, Map<UnitId, Unit> units) {
    List<Unit> s = new ArrayList<>(before.shown.size());
    for (Unit u : before.shown) {
      s.add(units.get(u.id()));
    }
    this.shown = s;
    this.wholeLimit = before.wholeLimit;
    this.groups = new ArrayList<>(before.groups.size());
    for (Group g : before.groups) {
      List<Unit> us = new ArrayList<>(g.units().size());
      for (Unit u : g.units()) {
        us.add(units.get(u.id()));
      }
      Group now = new Group(g.name(), g.slug(), List.copyOf(us));
      groups.add(now);
      for (Unit u : us) {
        groupOf.put(u.id(), now);
      }
    }
  }

  /**
   * Units that are work or take part in a dependency; pages that are not work (READMEs, notes) and
   * stand alone would only add noise.
   */
  static boolean drawn(Unit u) {
    return u.placeholder()
        || u.status() != dev.planbake.model.Status.NONE
        || !u.dependsOn().isEmpty()
        || !u.enables().isEmpty();
  }

  /** Whether there are too many units to draw whole, whatever their drawing's width. */
  boolean grouped() {
    return shown.size() > wholeLimit;
  }

  List<Unit> shown() {
    return shown;
  }

  List<Group> groups() {
    return groups;
  }

  /** The group of a drawn unit, or null when the unit is not drawn. */
  Group groupOf(UnitId id) {
    return groupOf.get(id);
  }

  Group bySlug(String slug) {
    for (Group g : groups) {
      if (g.slug().equals(slug)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no group " + slug);
  }

  /** The slug of every drawn unit's group. */
  Map<UnitId, String> slugs() {
    Map<UnitId, String> out = new HashMap<>();
    groupOf.forEach((id, g) -> out.put(id, g.slug()));
    return out;
  }

  /** The graph page of every drawn unit. */
  Map<UnitId, String> pages() {
    Map<UnitId, String> out = new HashMap<>();
    for (Unit u : shown) {
      out.put(u.id(), pageOf(u.id()));
    }
    return out;
  }

  /**
   * The graph page that shows a unit, relative to the site root: {@code graph/} when it draws the
   * whole graph (or the overview of a graph too wide to draw), else the unit's group page.
   */
  String pageOf(UnitId id) {
    Group g = groupOf.get(id);
    return g == null || !grouped() ? "graph/" : "graph/" + g.slug() + "/";
  }

  private static List<Group> group(List<Unit> units, int limit, Set<String> featureFolders) {
    Map<String, List<Unit>> byFolder = new TreeMap<>();
    for (Unit u : units) {
      String key = u.placeholder() ? NOT_PLANNED : home(u, featureFolders);
      byFolder.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
    }
    foldSmallFolders(byFolder);
    // Plans whole and together: by file, then in id order.
    byFolder.values().forEach(us -> us.sort(BY_SOURCE));
    List<Group> out = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    for (Map.Entry<String, List<Unit>> e : byFolder.entrySet()) {
      String name = e.getKey().isEmpty() ? "(top level)" : e.getKey();
      String base = slug(e.getKey().isEmpty() ? "top-level" : e.getKey());
      List<List<Unit>> cut = parts(e.getValue(), limit);
      int parts = cut.size();
      for (int i = 0; i < parts; i++) {
        List<Unit> part = cut.get(i);
        String partName = parts == 1 ? name : name + " (" + guideWords(cut, i) + ")";
        String slug = parts == 1 ? base : base + "-" + (i + 1);
        while (!slugs.add(slug)) {
          slug = slug + "-x";
        }
        out.add(new Group(partName, slug, List.copyOf(part)));
      }
    }
    return out;
  }

  /**
   * Folds every folder of fewer than {@link #MIN_GROUP} units into the folder that holds it, the
   * deepest first, but never into the plans root: one spec, change or phase folder per plan (Kiro,
   * OpenSpec, GSD) would otherwise make a group per plan. A top folder stays a group at any size.
   */
  private static void foldSmallFolders(Map<String, List<Unit>> byFolder) {
    int deepest = 0;
    for (String f : byFolder.keySet()) {
      deepest = Math.max(deepest, depth(f));
    }
    // Depth by depth, so that a parent made by folding is itself folded when still small.
    for (int d = deepest; d > 1; d--) {
      for (String f : new ArrayList<>(byFolder.keySet())) {
        List<Unit> us = byFolder.get(f);
        if (depth(f) == d && us.size() < MIN_GROUP && !f.equals(NOT_PLANNED)) {
          byFolder.remove(f);
          String parent = f.substring(0, f.lastIndexOf('/'));
          byFolder.computeIfAbsent(parent, k -> new ArrayList<>()).addAll(us);
        }
      }
    }
  }

  private static int depth(String folder) {
    return folder.isEmpty() ? 0 : folder.split("/", -1).length;
  }

  /**
   * What part {@code i} of a folder holds, as a dictionary's guide words: its first and last plan,
   * each named by as many words of its slug as tell it from the plan across the cut ("audit to
   * payment", "2026-01 to 2026-05"). Plans are in file order, so a reader finds a plan by its name.
   */
  static String guideWords(List<List<Unit>> parts, int i) {
    List<Unit> part = parts.get(i);
    String first = part.get(0).planSlug();
    String last = lastOf(part).planSlug();
    // The outer ends have no neighbour across a cut: they are told from the part's other end.
    String before = i == 0 ? last : lastOf(parts.get(i - 1)).planSlug();
    String after = i + 1 == parts.size() ? first : parts.get(i + 1).get(0).planSlug();
    String from = words(first, before);
    String to = words(last, after);
    return from.equals(to) ? from : from + " to " + to;
  }

  private static Unit lastOf(List<Unit> part) {
    return part.get(part.size() - 1);
  }

  /** The fewest leading words of a slug (split at '-') that differ from those of {@code other}. */
  private static String words(String slug, String other) {
    int end = -1;
    do {
      end = slug.indexOf('-', end + 1);
      String head = end < 0 ? slug : slug.substring(0, end);
      if (end < 0 || !(other.equals(head) || other.startsWith(head + "-"))) {
        return head;
      }
    } while (true);
  }

  /**
   * Units in parts of about equal size, at most {@code limit} each where a plan allows: a cut falls
   * only where the plan (its file or feature folder) changes.
   */
  private static List<List<Unit>> parts(List<Unit> us, int limit) {
    int n = (us.size() + limit - 1) / limit;
    int size = (us.size() + n - 1) / n;
    List<List<Unit>> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= us.size(); i++) {
      boolean end = i == us.size();
      if (end || (i - start >= size && !us.get(i).planSlug().equals(us.get(i - 1).planSlug()))) {
        out.add(List.copyOf(us.subList(start, i)));
        start = i;
      }
    }
    return out;
  }

  /**
   * The folder that holds a unit's plan: the file's folder, or for a plan that is a folder of its
   * own (several files, or a spec-kit feature folder such as {@code 004-recurring-invoices}) the
   * folder that holds that folder.
   */
  private static String home(Unit u, Set<String> featureFolders) {
    String dir = folder(u.source());
    String name = dir.substring(dir.lastIndexOf('/') + 1);
    return featureFolders.contains(u.planSlug()) || SafePath.isFeatureFolder(name)
        ? folder(dir)
        : dir;
  }

  /** The folder of a plans-relative path, "" for a file at the top. */
  static String folder(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }

  static String slug(String s) {
    String t = SafePath.slug(s);
    return t.isEmpty() ? "group" : t;
  }
}
