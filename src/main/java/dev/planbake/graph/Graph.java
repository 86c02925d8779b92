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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the repository's dependency graph from parsed plans: identifies units (reporting
 * duplicates), resolves every reference (reporting dangling ones and self references), finds
 * cycles, and computes statuses, blocked and ready units, progress and the critical path.
 */
public final class Graph {
  private static final int MAX_LISTED = 10;

  /** Where problems go: with a memo, a list of this build's own, kept for {@link TickEdits}. */
  private final Diagnostics diagnostics;

  /** The problems of statuses and boxes, apart from the rest (with a memo; else diagnostics). */
  private final Diagnostics statusProblems;

  /** Where this build's problems end up. */
  private final Diagnostics out;

  /** Whether the plans come from more than one plans folder ({@link #where}). */
  private boolean severalFolders;

  private final Memo memo;
  private final Index index = new Index();
  private final Resolution links;

  private Graph(Diagnostics diagnostics, Memo memo) {
    this.out = diagnostics;
    this.diagnostics = memo == null ? diagnostics : new Diagnostics(Integer.MAX_VALUE);
    this.statusProblems = memo == null ? diagnostics : new Diagnostics(Integer.MAX_VALUE);
    this.memo = memo;
    this.links = new Resolution(this.diagnostics);
  }

  /**
   * What the last build of a kept session resolved and counted, for the next to reuse. After an
   * edit, resolving every reference of every plan again is most of a build, though only the edited
   * plan changed: while every name names the same unit as before, a plan that is the same object as
   * last time resolves as it did, so its edges, backlinks, placeholders and problems are taken
   * again instead. One memo per session, one build at a time.
   */
  public static final class Memo {
    /** The last build's index, whose names this build's must match for anything to be replayed. */
    private Index index;

    Map<PlanUnit, Linked> linked = new IdentityHashMap<>();
    Map<PlanUnit, Progress> counted = new IdentityHashMap<>();

    /** The plans of the last build, in order, to tell cheaply that every name is as it was. */
    List<Plan> plans = List.of();

    /** What each plan of the last build names, by plan object (a plan not parsed again). */
    Map<Plan, Names> names = new IdentityHashMap<>();

    /** For tests: how many units the last build resolved afresh, and how many it took again. */
    int resolved;

    int replayed;

    /** For tests: whether the last build took the one before with new boxes ({@link TickEdits}). */
    boolean reticked;

    /** The last build's repository, its index entries and their boxes, in index order. */
    Repository last;

    List<Index.Entry> entries = List.of();
    List<Progress> progress = List.of();

    /**
     * The last build's problems but those of statuses and boxes, in the order they were found
     * (identities, references, cycles), which an edit of boxes alone leaves as they are.
     */
    List<Diagnostic> structural = List.of();

    /** What linking one unit of a plan did. */
    record Linked(Plan plan, UnitId from, List<Resolution.Step> steps) {}

    /**
     * All that the index takes from a plan: if every plan of a build names what the plan at its
     * place named last time, the two indexes name the same units.
     */
    record Names(
        String slug,
        Path root,
        boolean multiUnit,
        String source,
        List<String> files,
        List<String> ids,
        List<List<String>> aliases,
        List<String> phaseKeys,
        String feature) {
      static Names of(Plan p) {
        List<String> ids = new ArrayList<>(p.units().size());
        List<List<String>> aliases = new ArrayList<>(p.units().size());
        for (PlanUnit part : p.units()) {
          ids.add(part.localId());
          aliases.add(part.aliases());
        }
        return new Names(
            p.slug(),
            p.root(),
            p.multiUnit(),
            p.source(),
            p.files(),
            ids,
            aliases,
            Phases.keysOf(p),
            Phases.featureNumber(p));
      }
    }

    /** Whether {@code now} names, plan by plan, what the last build's plans did. */
    private boolean sameNames(List<Plan> now, Map<Plan, Names> namesNow) {
      if (index == null || now.size() != plans.size()) {
        return false;
      }
      for (int i = 0; i < now.size(); i++) {
        Plan a = now.get(i);
        Plan b = plans.get(i);
        if (a != b && !namesNow.get(a).equals(names.get(b))) {
          return false;
        }
      }
      return true;
    }
  }

  /** What each plan names: from the memo for a plan not parsed again. */
  private Map<Plan, Memo.Names> names;

  /** Resolves {@code plans} (with unique slugs) into a repository; problems go to diagnostics. */
  public static Repository build(List<Plan> plans, Diagnostics diagnostics) {
    return build(plans, diagnostics, null);
  }

  /**
   * As {@link #build(List, Diagnostics)}, reusing what {@code memo} remembers of the last build and
   * remembering this one; the same result as without a memo.
   *
   * @param memo the session's memo, or null for a one-shot build (which then records nothing)
   */
  public static Repository build(List<Plan> plans, Diagnostics diagnostics, Memo memo) {
    Repository ticked = memo == null ? null : TickEdits.rebuild(memo, plans, diagnostics);
    return ticked != null ? ticked : new Graph(diagnostics, memo).run(plans);
  }

  /**
   * The stages in order, each reading what those before made. Counting boxes and linking look at
   * one unit at a time, so they are the stages a memo can spare for the plans an edit left alone;
   * those after them read the whole graph at once and run in full.
   */
  private Repository run(List<Plan> plans) {
    severalFolders = plans.stream().map(Plan::root).distinct().limit(2).count() > 1;
    identify(plans);
    List<Progress> progress = count();
    linkAll(plans);
    List<Edge> edges = links.sortedEdges();
    Map<UnitId, List<Edge>> upstream = upstream(edges);
    List<Cycle> cycles = Cycles.find(sortedIds(), upstream);
    cycles.forEach(this::reportCycle);
    List<Unit> units =
        Statuses.compute(
            index.entries, progress, edges, links.mentions, links.placeholders, statusProblems);
    List<UnitId> critical = Statuses.criticalPath(units, upstream);
    if (memo != null && memo.last != null) {
      units = sameAsBefore(units, memo.last.units());
    }
    Repository repo =
        new Repository(bySlug(plans), units, edges, cycles, critical, total(plans, progress));
    if (memo != null) {
      // The problems in the order a build without a memo reports them: statuses' last.
      out.addAll(diagnostics.inOrder());
      out.addAll(statusProblems.inOrder());
      memo.structural = diagnostics.inOrder();
      memo.last = repo;
      memo.entries = List.copyOf(index.entries);
      memo.progress = List.copyOf(progress);
      memo.reticked = false;
    }
    return repo;
  }

  /**
   * Each unit's ticked and total boxes, in index order. Walking every task of the repository waits
   * on memory (a fifth of a build after an edit, when done twice), so it is done once, and with a
   * memo only for the parts of plans parsed again: the same part has the same tasks.
   */
  private List<Progress> count() {
    List<Progress> counts = new ArrayList<>(index.entries.size());
    Map<PlanUnit, Progress> next =
        memo == null ? null : new IdentityHashMap<>(index.entries.size());
    for (Index.Entry e : index.entries) {
      Progress p = memo == null ? null : memo.counted.get(e.part());
      if (p == null) {
        p = e.part().content().progress();
      }
      counts.add(p);
      if (next != null) {
        next.put(e.part(), p);
      }
    }
    if (memo != null) {
      memo.counted = next;
    }
    return counts;
  }

  /**
   * The units, each that is equal to its last build's replaced by that object: the pages' memos
   * then tell an unchanged unit by its object, and compare units in depth once per build, here.
   */
  private static List<Unit> sameAsBefore(List<Unit> units, List<Unit> before) {
    Map<UnitId, Unit> was = new HashMap<>(2 * before.size());
    for (Unit u : before) {
      was.put(u.id(), u);
    }
    List<Unit> out = new ArrayList<>(units.size());
    for (Unit u : units) {
      Unit w = was.get(u.id());
      out.add(u.equals(w) ? w : u);
    }
    return out;
  }

  private static Map<UnitId, List<Edge>> upstream(List<Edge> edges) {
    Map<UnitId, List<Edge>> upstream = new HashMap<>();
    for (Edge e : edges) {
      if (e.kind() == Direction.DEPENDS_ON) {
        upstream.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }
    return upstream;
  }

  private List<UnitId> sortedIds() {
    return index.entries.stream().map(Index.Entry::id).sorted().toList();
  }

  private static List<Plan> bySlug(List<Plan> plans) {
    List<Plan> sorted = new ArrayList<>(plans);
    sorted.sort(Comparator.comparing(Plan::slug));
    return sorted;
  }

  /** All boxes: every unit's (each part of every plan is a unit) and what lies outside units. */
  static Progress total(List<Plan> plans, List<Progress> units) {
    Progress total = Progress.EMPTY;
    for (Progress p : units) {
      total = total.plus(p);
    }
    for (Plan p : plans) {
      total = total.plus(p.rest().progress());
    }
    return total;
  }

  // ---- identity

  private void identify(List<Plan> plans) {
    if (memo != null) {
      names = new IdentityHashMap<>(2 * plans.size());
      for (Plan p : plans) {
        Memo.Names n = memo.names.get(p);
        names.put(p, n != null ? n : Memo.Names.of(p));
      }
    }
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
                  "duplicate unit id " + id + " (also " + where(plan.at(part.line())) + ")"));
          diagnostics.add(
              Diagnostic.error(
                      plan.at(part.line()),
                      "duplicate unit id "
                          + id
                          + " (also "
                          + where(before.plan().at(before.part().line()))
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
          index.addAlias(alias, e);
        }
      }
      if (first != null) {
        if (names == null) {
          index.addPlan(plan, first);
        } else {
          Memo.Names n = names.get(plan);
          index.addPlan(plan, first, n.phaseKeys(), n.feature());
        }
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

  /**
   * Links every unit, or with a memo takes again what linking a unit did last time if that cannot
   * have changed: its plan is the same object, its id the same, and every name of the index names
   * the unit it named then. Steps are taken unit by unit in index order, as linking takes them, so
   * related edges give way to dependencies as they would.
   */
  private void linkAll(List<Plan> plans) {
    if (memo == null) {
      index.entries.forEach(this::link);
      return;
    }
    // Plan by plan first (cheap: most plans are the objects of last time), then name by name.
    boolean sameNames =
        memo.sameNames(plans, names) || (memo.index != null && index.namesAsIn(memo.index));
    Map<PlanUnit, Memo.Linked> next = new IdentityHashMap<>(index.entries.size());
    int replayed = 0;
    for (Index.Entry e : index.entries) {
      Memo.Linked was = sameNames ? memo.linked.get(e.part()) : null;
      if (was != null && was.plan() == e.plan() && was.from().equals(e.id())) {
        links.replay(was.steps());
        replayed++;
      } else {
        List<Resolution.Step> steps = links.record();
        link(e);
        links.stopRecording();
        was = new Memo.Linked(e.plan(), e.id(), steps);
      }
      next.put(e.part(), was);
    }
    memo.index = index;
    memo.plans = plans;
    memo.names = names;
    memo.linked = next;
    memo.replayed = replayed;
    memo.resolved = index.entries.size() - replayed;
  }

  private void link(Index.Entry from) {
    Resolver resolver = new Resolver(index);
    for (Reference ref : referencesOf(from)) {
      GraphSteps.step();
      List<Index.Entry> sources = sources(ref, from, resolver);
      if (sources.isEmpty()) {
        // Said of a unit (or a phase's plans) this repository does not hold: nobody to link.
        continue;
      }
      Resolver.Resolution r = resolver.resolve(ref, from);
      if (!r.ambiguous().isEmpty()) {
        if (ref.explicit()) {
          links.problem(
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
      for (Index.Entry source : sources) {
        for (Index.Entry to : r.targets()) {
          link(source, to, ref);
        }
      }
    }
  }

  /**
   * Who says it: the unit, or for a GSD phase named in a phase section ("Depends on: Phase 2" under
   * "Phase 3" in a roadmap) the GSD plans of that section's phase, which may be none.
   */
  private List<Index.Entry> sources(Reference ref, Index.Entry from, Resolver resolver) {
    if (ref.subject() != null) {
      // "1.3 → after 1.1": said of unit 1.3, wherever the line is; of nobody if there is none.
      Reference subject = new Reference(ref.subject(), Direction.DEPENDS_ON, ref.text(), ref.at());
      return resolver.resolve(subject, from).targets();
    }
    if (ref.phase().isEmpty()
        || ref.target().kind() != Kind.PHASE
        || !index.byPhase.containsKey(Phases.gsd(ref.target().value()))) {
      return List.of(from);
    }
    return index.byPhase.getOrDefault(Phases.gsd(ref.phase()), List.of());
  }

  /**
   * A unit's references, and for the first unit of a file of several units the references of the
   * file's own text that speak of a unit (an execution-order section after the last unit).
   */
  private List<Reference> referencesOf(Index.Entry from) {
    List<Reference> own = from.part().content().references();
    Plan plan = from.plan();
    if (!plan.multiUnit() || plan.rest().references().isEmpty()) {
      return own;
    }
    List<Index.Entry> units = index.byPlan.get(plan);
    if (units == null || units.isEmpty() || units.get(0) != from) {
      return own;
    }
    List<Reference> all = new ArrayList<>(own);
    for (Reference r : plan.rest().references()) {
      if (r.subject() != null) {
        all.add(r);
      }
    }
    return all;
  }

  private void link(Index.Entry from, Index.Entry to, Reference ref) {
    if (to.id().equals(from.id())) {
      // A path, a name or a feature number naming the unit's own folder is the author naming
      // their own plan, not a loop.
      boolean ownFile =
          ref.target().kind() == Kind.PATH
              || ref.target().kind() == Kind.NAME
              || ref.target().kind() == Kind.FEATURE;
      if (!ownFile && ref.direction() != Direction.MENTION && ref.explicit()) {
        links.problem(Diagnostic.error(ref.at(), from.id() + " refers to itself"));
      }
      return;
    }
    switch (ref.direction()) {
      case DEPENDS_ON -> links.edge(from.id(), to.id(), Direction.DEPENDS_ON, ref.at());
      case ENABLES -> links.edge(to.id(), from.id(), Direction.DEPENDS_ON, ref.at());
      case RELATED -> links.edge(from.id(), to.id(), Direction.RELATED, ref.at());
      case MENTION -> links.mention(to.id(), from.id());
    }
  }

  private void dangling(Index.Entry from, Reference ref) {
    if (!ref.explicit()) {
      return;
    }
    Kind kind = ref.target().kind();
    if (ref.direction() == Direction.RELATED && kind == Kind.PATH) {
      // A related link to a file that is no plan is usually to a doc, a ticket or a research note
      // (in real plans' References sections, most are); `check --repo-root` reports missing files.
      return;
    }
    if (ref.direction() == Direction.ENABLES && kind == Kind.UNIT) {
      UnitId planned = UnitId.global(ref.target().value());
      links.placeholder(planned, ref.at());
      links.edge(planned, from.id(), Direction.DEPENDS_ON, ref.at());
      return;
    }
    String what = ref.target().toString();
    String hint = hintFor(ref);
    if (ref.direction() == Direction.DEPENDS_ON) {
      links.problem(
          Diagnostic.error(ref.at(), "dangling reference: " + what + " does not exist")
              .withHint(hint));
    } else {
      links.problem(
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

  /**
   * Another place named in a message: by its path in the plans folder ({@code units/a.md:3}), or,
   * when there are several plans folders and that path could be in any of them, as the file is
   * found from here ({@code team-b/plans/units/a.md:3}).
   */
  private String where(Position at) {
    return severalFolders ? at.display(Path.of("")) : at.source() + ":" + at.line();
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
      where.add(where(e.at()));
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
