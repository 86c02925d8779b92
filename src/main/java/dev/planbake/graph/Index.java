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
  final Map<String, Entry> byAlias = new HashMap<>();

  /** Plan files by path relative to the plans folder, lower-cased. */
  final Map<String, Plan> byPath = new HashMap<>();

  /** Plan files by file name alone, for names only one plan uses. */
  final Map<String, Plan> byFileName = new HashMap<>();

  private final java.util.Set<String> sharedNames = new java.util.HashSet<>();

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

  void addPlan(Plan p, Entry first) {
    bySlug.putIfAbsent(p.slug(), first);
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

  static String key(String path) {
    return path.toLowerCase(Locale.ROOT);
  }
}
