package dev.planbake.graph;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Hints;
import dev.planbake.diag.Position;
import dev.planbake.model.Cycle;
import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Edge;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Repository;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the repository's dependency graph from parsed plans: identifies units (reporting
 * duplicates), resolves every reference (reporting dangling ones and self references), finds
 * cycles, and computes statuses, blocked and ready units, progress and the critical path.
 */
public final class Graph {
  private static final int MAX_LISTED = 10;

  private final Diagnostics diagnostics;
  private final Index index = new Index();
  private final Map<String, Edge> edges = new LinkedHashMap<>();
  private final Map<UnitId, Set<UnitId>> mentions = new HashMap<>();
  private final Map<UnitId, Position> placeholders = new TreeMap<>();

  private Graph(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Resolves {@code plans} (with unique slugs) into a repository; problems go to diagnostics. */
  public static Repository build(List<Plan> plans, Diagnostics diagnostics) {
    return new Graph(diagnostics).run(plans);
  }

  private Repository run(List<Plan> plans) {
    identify(plans);
    for (Index.Entry e : index.entries) {
      link(e);
    }
    List<Edge> allEdges = new ArrayList<>(edges.values());
    allEdges.sort(
        Comparator.comparing(Edge::from).thenComparing(Edge::to).thenComparing(Edge::kind));
    Map<UnitId, List<Edge>> upstream = new HashMap<>();
    for (Edge e : allEdges) {
      if (e.kind() == Direction.DEPENDS_ON) {
        upstream.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }
    List<UnitId> ids = index.entries.stream().map(Index.Entry::id).sorted().toList();
    List<Cycle> cycles = Cycles.find(ids, upstream);
    cycles.forEach(this::reportCycle);
    List<Unit> units =
        Statuses.compute(index.entries, allEdges, mentions, placeholders, diagnostics);
    List<UnitId> critical = Statuses.criticalPath(units, upstream);
    Progress total = Progress.EMPTY;
    for (Plan p : plans) {
      total = total.plus(p.progress());
    }
    List<Plan> sortedPlans = new ArrayList<>(plans);
    sortedPlans.sort(Comparator.comparing(Plan::slug));
    return new Repository(sortedPlans, units, allEdges, cycles, critical, total);
  }

  // ---- identity

  private void identify(List<Plan> plans) {
    Map<UnitId, Index.Entry> seen = new HashMap<>();
    for (Plan plan : plans) {
      Index.Entry first = null;
      for (PlanUnit part : plan.units()) {
        UnitId id = idOf(plan, part);
        Index.Entry before = seen.get(id);
        if (before != null) {
          UnitId renamed = new UnitId(plan.slug(), id.local());
          diagnostics.add(
              Diagnostic.error(
                  before.plan().at(before.part().line()),
                  "duplicate unit id " + id + " (also " + plan.source() + ":" + part.line() + ")"));
          diagnostics.add(
              Diagnostic.error(
                      plan.at(part.line()),
                      "duplicate unit id "
                          + id
                          + " (also "
                          + before.plan().at(before.part().line()).source()
                          + ":"
                          + before.part().line()
                          + ")")
                  .withHint("renumber one of them; this one is shown as " + renamed));
          id = renamed;
          for (int n = 2; seen.containsKey(id); n++) {
            id = new UnitId(plan.slug(), part.localId() + "-" + n);
          }
        }
        Index.Entry e = new Index.Entry(id, plan, part);
        seen.put(id, e);
        index.add(e);
        if (first == null) {
          first = e;
        }
        for (String alias : part.aliases()) {
          index.byAlias.putIfAbsent(alias, e);
        }
      }
      if (first != null) {
        index.addPlan(plan, first);
      }
    }
  }

  private static UnitId idOf(Plan plan, PlanUnit part) {
    if (plan.multiUnit()) {
      return new UnitId(plan.slug(), part.localId());
    }
    return UnitId.global(part.localId().isEmpty() ? plan.slug() : part.localId());
  }

  // ---- references

  private void link(Index.Entry from) {
    Resolver resolver = new Resolver(index);
    for (Reference ref : from.part().content().references()) {
      Work.step();
      Resolver.Resolution r = resolver.resolve(ref, from);
      if (!r.ambiguous().isEmpty()) {
        if (ref.explicit()) {
          diagnostics.add(
              Diagnostic.error(
                      ref.at(),
                      ref.target()
                          + " is ambiguous: "
                          + String.join(
                              ", ", r.ambiguous().stream().map(e -> e.id().toString()).toList()))
                  .withHint("qualify it, e.g. " + r.ambiguous().get(0).id()));
        }
        continue;
      }
      if (!r.found()) {
        dangling(from, ref);
        continue;
      }
      Index.Entry to = r.target();
      if (to.id().equals(from.id())) {
        boolean ownFile = ref.target().kind() == Kind.PATH || ref.target().kind() == Kind.NAME;
        if (!ownFile && ref.direction() != Direction.MENTION && ref.explicit()) {
          diagnostics.add(Diagnostic.error(ref.at(), from.id() + " refers to itself"));
        }
        continue;
      }
      switch (ref.direction()) {
        case DEPENDS_ON -> edge(from.id(), to.id(), Direction.DEPENDS_ON, ref.at());
        case ENABLES -> edge(to.id(), from.id(), Direction.DEPENDS_ON, ref.at());
        case RELATED -> edge(from.id(), to.id(), Direction.RELATED, ref.at());
        case MENTION ->
            mentions.computeIfAbsent(to.id(), k -> new LinkedHashSet<>()).add(from.id());
      }
    }
  }

  private void edge(UnitId from, UnitId to, Direction kind, Position at) {
    String key = from + "\u0000" + to + "\u0000" + kind;
    if (kind == Direction.RELATED) {
      // Related has no direction: keep one edge per pair, and none beside a dependency.
      String dep1 = from + "\u0000" + to + "\u0000" + Direction.DEPENDS_ON;
      String dep2 = to + "\u0000" + from + "\u0000" + Direction.DEPENDS_ON;
      String rev = to + "\u0000" + from + "\u0000" + kind;
      if (edges.containsKey(dep1) || edges.containsKey(dep2) || edges.containsKey(rev)) {
        return;
      }
    } else {
      edges.remove(from + "\u0000" + to + "\u0000" + Direction.RELATED);
      edges.remove(to + "\u0000" + from + "\u0000" + Direction.RELATED);
    }
    edges.putIfAbsent(key, new Edge(from, to, kind, at));
  }

  private void dangling(Index.Entry from, Reference ref) {
    if (!ref.explicit()) {
      return;
    }
    Kind kind = ref.target().kind();
    if (ref.direction() == Direction.ENABLES && kind == Kind.UNIT) {
      UnitId planned = UnitId.global(ref.target().value());
      placeholders.putIfAbsent(planned, ref.at());
      edge(planned, from.id(), Direction.DEPENDS_ON, ref.at());
      return;
    }
    String what = ref.target().toString();
    String hint = hintFor(ref);
    if (ref.direction() == Direction.DEPENDS_ON) {
      diagnostics.add(
          Diagnostic.error(ref.at(), "dangling reference: " + what + " does not exist")
              .withHint(hint));
    } else {
      diagnostics.add(
          Diagnostic.warning(ref.at(), "reference to " + what + ", which does not exist")
              .withHint(hint));
    }
  }

  private String hintFor(Reference ref) {
    List<String> known = new ArrayList<>();
    Kind kind = ref.target().kind();
    for (Index.Entry e : index.entries) {
      if (kind == Kind.UNIT ? e.id().isNumbered() : true) {
        known.add(kind == Kind.UNIT ? e.id().local() : e.id().toString());
      }
    }
    String wanted =
        kind == Kind.PATH
            ? ref.target().value().replaceAll("^.*/|\\.md$", "").toLowerCase(Locale.ROOT)
            : ref.target().value();
    List<String> near = Hints.nearest(wanted, known, 3);
    if (near.isEmpty()) {
      return "no unit has that name; write it as a plan first or fix the reference";
    }
    String prefix = kind == Kind.UNIT ? "Unit " : "";
    return "nearest: " + String.join(", ", near.stream().map(n -> prefix + n).toList());
  }

  private void reportCycle(Cycle c) {
    List<String> chain = new ArrayList<>();
    for (UnitId id : c.ids()) {
      chain.add(id.toString());
    }
    chain.add(c.ids().get(0).toString());
    List<String> where = new ArrayList<>();
    for (Edge e : c.edges()) {
      if (where.size() == MAX_LISTED) {
        where.add("and " + (c.edges().size() - MAX_LISTED) + " more");
        break;
      }
      where.add(e.at().source() + ":" + e.at().line());
    }
    String shown =
        chain.size() > MAX_LISTED + 1
            ? String.join(" -> ", chain.subList(0, MAX_LISTED)) + " -> ... -> " + chain.get(0)
            : String.join(" -> ", chain);
    diagnostics.add(
        Diagnostic.error(
                c.edges().get(0).at(),
                "dependency cycle: " + shown + " (edges at " + String.join(", ", where) + ")")
            .withHint("remove one of these dependencies"));
  }

  /** Exposed for tests: the statuses a declared and a derived status give together. */
  static Status effective(DeclaredStatus declared, Status derived) {
    return declared.present() ? declared.status() : derived;
  }
}
