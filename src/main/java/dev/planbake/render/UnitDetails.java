package dev.planbake.render;

import dev.planbake.model.Gate;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Reference;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The view of one unit on its plan's page: statuses, phases, gates, risks, files, URLs, its
 * neighbours in the graph and the figure of its neighbourhood.
 */
final class UnitDetails {
  private final Views views;
  private final Neighbourhood hood;

  /** The issue numbers units declare as their aliases ({@code #47}). */
  private final Set<String> aliases = new HashSet<>();

  UnitDetails(Views views, Neighbourhood hood, List<Unit> units) {
    this.views = views;
    this.hood = hood;
    for (Unit u : units) {
      if (!u.placeholder()) {
        aliases.addAll(u.part().aliases());
      }
    }
  }

  /**
   * What the page shows of one unit. Where some phases have boxes, the phases without are left out,
   * unless a goal describes them in a one-file plan: in a feature folder, plan.md's phases describe
   * what tasks.md's phases tick, and both lists would show the same phases twice.
   */
  View.Detail of(Unit u, String root, boolean severalFiles) {
    PlanUnit part = u.part();
    List<dev.planbake.model.Phase> shown = new ArrayList<>();
    boolean anyTasks = part.content().phases().stream().anyMatch(ph -> ph.progress().total() > 0);
    for (dev.planbake.model.Phase ph : part.content().phases()) {
      if (!anyTasks || ph.progress().total() > 0 || (!ph.goal().isEmpty() && !severalFiles)) {
        shown.add(ph);
      }
    }
    // Phases from several files (a feature folder's plan.md and tasks.md) each name their file,
    // and tasks.md's, the order of the work, come first: a plan.md "Phase 3: Deployment" with its
    // own checklist is not listed before tasks.md's Phase 1.
    boolean named = shown.stream().map(dev.planbake.model.Phase::source).distinct().count() > 1;
    if (named) {
      shown.sort(
          java.util.Comparator.comparing(
              (dev.planbake.model.Phase ph) -> !ph.source().endsWith("tasks.md")));
    }
    List<View.Phase> phases = new ArrayList<>();
    for (dev.planbake.model.Phase ph : shown) {
      String name =
          ph.name().isEmpty() ? "Phase " + ph.number() : "Phase " + ph.number() + ": " + ph.name();
      phases.add(
          new View.Phase(
              name,
              ph.level(),
              ph.anchor(),
              Views.progress(ph.progress()),
              ph.goal(),
              ph.duration(),
              named ? ph.source().substring(ph.source().lastIndexOf('/') + 1) : ""));
    }
    List<View.Gate> gates = new ArrayList<>();
    for (Gate g : part.content().gates()) {
      gates.add(new View.Gate(g.name(), g.result().isEmpty() ? "—" : g.result()));
    }
    List<View.Risk> risks = new ArrayList<>();
    for (dev.planbake.model.Risk r : part.content().risks()) {
      risks.add(new View.Risk(r.risk(), r.impact(), r.mitigation()));
    }
    List<View.FileChange> files = new ArrayList<>();
    for (dev.planbake.model.FileChange f : part.content().files()) {
      files.add(new View.FileChange(f.path(), f.action()));
    }
    List<View.Link> links = new ArrayList<>();
    for (dev.planbake.model.Link l : part.content().urls()) {
      links.add(new View.Link(l.label(), l.url()));
    }
    // "Depends on: #48" where no plan here is #48: an issue in a tracker, whose state is unknown.
    Set<String> outside = new LinkedHashSet<>();
    for (Reference r : part.content().references()) {
      if (r.target().kind() == Reference.Kind.ALIAS
          && r.direction() == Reference.Direction.DEPENDS_ON
          && !aliases.contains(r.target().value())) {
        outside.add(r.target().value());
      }
    }
    return new View.Detail(
        views.ref(u, root),
        part.anchor(),
        views.refs(u.waitingOn(), root),
        u.blocked() && u.status() == Status.BLOCKED,
        u.blockedReason(),
        phases,
        gates,
        risks,
        dedupeFiles(files),
        links,
        views.refs(u.dependsOn(), root),
        List.copyOf(outside),
        views.refs(u.enables(), root),
        views.refs(u.related(), root),
        views.refs(u.mentionedBy(), root),
        hood.figure(u, root));
  }

  private static List<View.FileChange> dedupeFiles(List<View.FileChange> files) {
    Map<String, View.FileChange> seen = new LinkedHashMap<>();
    for (View.FileChange f : files) {
      seen.putIfAbsent(f.path(), f);
    }
    return new ArrayList<>(seen.values());
  }
}
