package dev.planbake.graph;

import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every way a unit can be named, for resolution in constant time per reference: ids (global and
 * file-scoped), local ids of scoped units, slugs, aliases, and the paths of plan files.
 */
final class Index {
  /** A unit as first identified: its id, plan and parsed part. */
  record Entry(UnitId id, Plan plan, PlanUnit part) {}

  final List<Entry> entries = new ArrayList<>();
  final Map<UnitId, Entry> byId = new HashMap<>();

  /** Scoped units by their local id, for a bare "Unit 1.1" from another file. */
  final Map<String, List<Entry>> scopedByLocal = new HashMap<>();

  final Map<String, Entry> bySlug = new HashMap<>();

  /**
   * Units by the aliases their authors give them, lower-cased (BACK-213 is back-213), each in the
   * order the units were identified: a task number such as {@code #4} may be given in several
   * folders.
   */
  final Map<String, List<Entry>> byAlias = new HashMap<>();

  /** Plan files by path relative to the plans folder, lower-cased. */
  final Map<String, Plan> byPath = new HashMap<>();

  /** Plan files by file name alone, for names only one plan uses. */
  final Map<String, Plan> byFileName = new HashMap<>();

  private final java.util.Set<String> sharedNames = new java.util.HashSet<>();

  /**
   * The plans of each phase, by {@link Phases#key}: GSD plans by their phase number, other plans by
   * their folder and the phase their file name or title gives.
   */
  final Map<String, List<Entry>> byPhase = new HashMap<>();

  /** Feature folders by their number ({@code 3} for {@code 003-x/} and {@code 3-x/}). */
  final Map<String, List<Entry>> byFeature = new HashMap<>();

  /** By identity: a plan record hashes its whole content, which is far too slow for a key. */
  final Map<Plan, List<Entry>> byPlan = new IdentityHashMap<>();

  void add(Entry e) {
    entries.add(e);
    byId.put(e.id(), e);
    byPlan.computeIfAbsent(e.plan(), p -> new ArrayList<>()).add(e);
    if (e.id().isScoped()) {
      scopedByLocal.computeIfAbsent(e.id().local(), k -> new ArrayList<>()).add(e);
    }
  }

  void addAlias(String alias, Entry e) {
    List<Entry> named = byAlias.computeIfAbsent(key(alias), k -> new ArrayList<>(1));
    if (!named.contains(e)) {
      named.add(e);
    }
  }

  void addPlan(Plan p, Entry first) {
    addPlan(p, first, Phases.keysOf(p), Phases.featureNumber(p));
  }

  /** As {@link #addPlan(Plan, Entry)}, with the plan's phase keys and feature number known. */
  void addPlan(Plan p, Entry first, List<String> phaseKeys, String feature) {
    bySlug.putIfAbsent(p.slug(), first);
    for (String key : phaseKeys) {
      byPhase.computeIfAbsent(key, k -> new ArrayList<>()).add(first);
    }
    if (feature != null) {
      byFeature.computeIfAbsent(feature, k -> new ArrayList<>()).add(first);
    }
    for (String f : p.files()) {
      byPath.put(key(f), p);
      String name = f.substring(f.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      Plan before = byFileName.putIfAbsent(name, p);
      if ((before != null && before != p) || sharedNames.contains(name)) {
        sharedNames.add(name);
        byFileName.remove(name);
      }
    }
    if (!p.files().get(0).equals(p.source()) || p.files().size() > 1) {
      String folder = p.source().substring(0, Math.max(0, p.source().lastIndexOf('/')));
      if (!folder.isEmpty()) {
        byPath.put(key(folder), p);
      }
    }
  }

  /**
   * Whether every name here names the unit it named in {@code before}. Resolution reads the ids in
   * order (which make {@link #byId}, {@link #scopedByLocal} and the nearest-id hints), the slugs,
   * the aliases, and the first unit of the plan that a path or file name leads to; nothing else of
   * the index. So if they all agree, a reference from a plan that did not change resolves as then.
   */
  boolean namesAsIn(Index before) {
    if (entries.size() != before.entries.size()) {
      return false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).id().equals(before.entries.get(i).id())) {
        return false;
      }
    }
    return sameGroups(byPhase, before.byPhase)
        && sameGroups(byFeature, before.byFeature)
        && sameUnits(bySlug, before.bySlug)
        && sameGroups(byAlias, before.byAlias)
        && samePlans(byPath, before, before.byPath)
        && samePlans(byFileName, before, before.byFileName);
  }

  private static boolean sameUnits(Map<String, Entry> now, Map<String, Entry> then) {
    if (now.size() != then.size()) {
      return false;
    }
    for (Map.Entry<String, Entry> e : now.entrySet()) {
      Entry was = then.get(e.getKey());
      if (was == null || !was.id().equals(e.getValue().id())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameGroups(Map<String, List<Entry>> now, Map<String, List<Entry>> then) {
    if (now.size() != then.size()) {
      return false;
    }
    for (Map.Entry<String, List<Entry>> e : now.entrySet()) {
      List<Entry> was = then.get(e.getKey());
      if (was == null || was.size() != e.getValue().size()) {
        return false;
      }
      for (int i = 0; i < was.size(); i++) {
        if (!was.get(i).id().equals(e.getValue().get(i).id())) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean samePlans(Map<String, Plan> now, Index before, Map<String, Plan> then) {
    if (now.size() != then.size()) {
      return false;
    }
    for (Map.Entry<String, Plan> e : now.entrySet()) {
      Plan was = then.get(e.getKey());
      if (was == null || !before.firstOf(was).equals(firstOf(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The unit a path to the plan names (every plan in the path tables has one). */
  private UnitId firstOf(Plan p) {
    return byPlan.get(p).get(0).id();
  }

  static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }
}
