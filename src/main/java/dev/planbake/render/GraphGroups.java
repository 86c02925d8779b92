package dev.planbake.render;

import dev.planbake.model.Repository;
import dev.planbake.model.SafePath;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which units the graph pages draw and on which page. Up to {@link #WHOLE_LIMIT} units, one page
 * holds the whole graph; above that, units are grouped by the top folder of their plan, a folder
 * with more than {@link #GROUP_LIMIT} units is cut into parts in id order, and {@code /graph/}
 * shows the groups. See docs/graph.md for why.
 */
final class GraphGroups {
  /** The most units one page lays out whole: beyond this a layered drawing stops being readable. */
  static final int WHOLE_LIMIT = 150;

  /** The most units of one group page (its outside neighbours come on top). */
  static final int GROUP_LIMIT = 100;

  /** One group: its display name, URL slug under {@code graph/}, and units in id order. */
  record Group(String name, String slug, List<Unit> units) {}

  private final List<Unit> shown;
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
    this.groups = s.size() <= wholeLimit ? List.of() : group(s, groupLimit);
    for (Group g : groups) {
      for (Unit u : g.units()) {
        groupOf.put(u.id(), g);
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

  boolean grouped() {
    return !groups.isEmpty();
  }

  List<Unit> shown() {
    return shown;
  }

  List<Group> groups() {
    return groups;
  }

  /** The group of a drawn unit, or null when the graph is whole or the unit is not drawn. */
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

  /** The graph page of every drawn unit. */
  Map<UnitId, String> pages() {
    Map<UnitId, String> out = new HashMap<>();
    for (Unit u : shown) {
      out.put(u.id(), pageOf(u.id()));
    }
    return out;
  }

  /** The graph page that shows a unit, relative to the site root. */
  String pageOf(UnitId id) {
    Group g = groupOf.get(id);
    return g == null ? "graph/" : "graph/" + g.slug() + "/";
  }

  private static List<Group> group(List<Unit> units, int limit) {
    Map<String, List<Unit>> byFolder = new TreeMap<>();
    for (Unit u : units) {
      byFolder.computeIfAbsent(folder(u.source()), k -> new ArrayList<>()).add(u);
    }
    List<Group> out = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    for (Map.Entry<String, List<Unit>> e : byFolder.entrySet()) {
      String name = e.getKey().isEmpty() ? "(top level)" : e.getKey();
      String base = slug(e.getKey().isEmpty() ? "top-level" : e.getKey());
      List<Unit> us = e.getValue();
      int parts = (us.size() + limit - 1) / limit;
      int size = (us.size() + parts - 1) / parts;
      for (int i = 0; i < parts; i++) {
        List<Unit> part = us.subList(i * size, Math.min(us.size(), (i + 1) * size));
        String partName = parts == 1 ? name : name + " (part " + (i + 1) + " of " + parts + ")";
        String slug = parts == 1 ? base : base + "-" + (i + 1);
        while (!slugs.add(slug)) {
          slug = slug + "-x";
        }
        out.add(new Group(partName, slug, List.copyOf(part)));
      }
    }
    return out;
  }

  /** The top folder of a plans-relative path, "" for a file at the top. */
  static String folder(String source) {
    int slash = source.indexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }

  static String slug(String s) {
    String t = SafePath.slug(s);
    return t.isEmpty() ? "group" : t;
  }
}
