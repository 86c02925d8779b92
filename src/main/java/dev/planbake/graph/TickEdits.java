package dev.planbake.graph;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Repository;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rebuild after edits that changed boxes and nothing else the graph reads: the plans parsed again
 * name the same units with the same titles, statuses declared and references, and no unit's status
 * as its boxes tell it moved (a box ticked in a unit already in progress, a box added). Then every
 * edge, cycle, standing, the critical path and every problem but those about boxes are as they
 * were: the last repository is taken with those plans' units holding their new boxes, instead of
 * linking, sorting and walking the whole graph again (most of a rebuild of 1,000 plans).
 */
final class TickEdits {
  private TickEdits() {}

  /**
   * The repository of {@code now}, made from the memo's last one if only boxes changed (the memo
   * then remembers it as a build would), else null: then a build must run.
   */
  static Repository rebuild(Graph.Memo memo, List<Plan> now, Diagnostics diagnostics) {
    Repository last = memo.last;
    if (last == null || now.size() != memo.plans.size()) {
      return null;
    }
    Map<Plan, Plan> plans = new IdentityHashMap<>();
    for (int i = 0; i < now.size(); i++) {
      Plan was = memo.plans.get(i);
      Plan is = now.get(i);
      if (was != is) {
        if (!onlyBoxes(memo.names.get(was), was, is)) {
          return null;
        }
        plans.put(was, is);
      }
    }
    Map<PlanUnit, PlanUnit> parts = new IdentityHashMap<>();
    plans.forEach(
        (was, is) -> {
          for (int k = 0; k < was.units().size(); k++) {
            parts.put(was.units().get(k), is.units().get(k));
          }
        });
    List<Index.Entry> entries = new ArrayList<>(memo.entries.size());
    List<Progress> progress = new ArrayList<>(memo.entries.size());
    Map<PlanUnit, Progress> counted = new IdentityHashMap<>(memo.entries.size());
    Map<PlanUnit, Graph.Memo.Linked> linked = new IdentityHashMap<>(memo.entries.size());
    for (int i = 0; i < memo.entries.size(); i++) {
      Index.Entry e = memo.entries.get(i);
      PlanUnit part = parts.get(e.part());
      Progress p = memo.progress.get(i);
      Graph.Memo.Linked how = memo.linked.get(e.part());
      if (part != null) {
        Plan plan = plans.get(e.plan());
        e = new Index.Entry(e.id(), plan, part);
        p = part.content().progress();
        how = how == null ? null : new Graph.Memo.Linked(plan, how.from(), how.steps());
      }
      entries.add(e);
      progress.add(p);
      counted.put(e.part(), p);
      if (how != null) {
        linked.put(e.part(), how);
      }
    }
    List<Unit> units = new ArrayList<>(last.units());
    Map<PlanUnit, Progress> newCounts = new IdentityHashMap<>();
    for (PlanUnit part : parts.values()) {
      newCounts.put(part, counted.get(part));
    }
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      PlanUnit part = u.part() == null ? null : parts.get(u.part());
      if (part != null) {
        units.set(i, withBoxes(u, part, newCounts.get(part)));
      }
    }
    diagnostics.addAll(memo.structural);
    Statuses.warnings(entries, progress, diagnostics);
    List<Plan> bySlug = new ArrayList<>(last.plans().size());
    for (Plan p : last.plans()) {
      bySlug.add(plans.getOrDefault(p, p));
    }
    Repository repo =
        new Repository(
            bySlug,
            units,
            last.edges(),
            last.cycles(),
            last.criticalPath(),
            Graph.total(now, progress));
    Map<Plan, Graph.Memo.Names> names = new IdentityHashMap<>(memo.names);
    plans.forEach((was, is) -> names.put(is, names.remove(was)));
    memo.names = names;
    memo.plans = now;
    memo.entries = entries;
    memo.progress = progress;
    memo.counted = counted;
    memo.linked = linked;
    memo.last = repo;
    memo.resolved = 0;
    memo.replayed = entries.size();
    memo.reticked = true;
    return repo;
  }

  /**
   * Whether {@code is}, a new parse of {@code was}, differs from it at most in boxes that leave the
   * status each of its units derives from them as it was: the same slug, files, title, style, names
   * (ids, aliases, phases), statuses declared and references.
   */
  private static boolean onlyBoxes(Graph.Memo.Names names, Plan was, Plan is) {
    if (names == null
        || !was.slug().equals(is.slug())
        || !was.root().equals(is.root())
        || !was.source().equals(is.source())
        || !was.files().equals(is.files())
        || was.style() != is.style()
        || !was.title().equals(is.title())
        || was.multiUnit() != is.multiUnit()
        || was.units().size() != is.units().size()
        || !was.rest().references().equals(is.rest().references())) {
      return false;
    }
    for (int k = 0; k < was.units().size(); k++) {
      PlanUnit a = was.units().get(k);
      PlanUnit b = is.units().get(k);
      if (!a.localId().equals(b.localId())
          || !a.title().equals(b.title())
          || a.line() != b.line()
          || !a.anchor().equals(b.anchor())
          || !a.declared().equals(b.declared())
          || !a.aliases().equals(b.aliases())
          || !a.content().references().equals(b.content().references())
          || (!a.declared().present()
              && Status.derivedFrom(a.content().progress())
                  != Status.derivedFrom(b.content().progress()))) {
        return false;
      }
    }
    return names.equals(Graph.Memo.Names.of(is));
  }

  private static Unit withBoxes(Unit u, PlanUnit part, Progress boxes) {
    return new Unit(
        u.id(),
        u.title(),
        u.style(),
        u.planSlug(),
        u.source(),
        part,
        part.declared(),
        Status.derivedFrom(boxes),
        u.status(),
        boxes,
        u.dependsOn(),
        u.enables(),
        u.related(),
        u.mentionedBy(),
        u.standing(),
        u.waitingOn(),
        u.placeholder());
  }
}
