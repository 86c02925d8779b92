package dev.planbake.model;

import java.util.List;

/**
 * The whole plan repository after resolution: every plan (sorted by slug), every unit (sorted by
 * id, placeholders included), the dependency edges, the cycles found, the critical path (the
 * longest chain of not-done units, upstream first) and the progress of all boxes.
 */
public record Repository(
    List<Plan> plans,
    List<Unit> units,
    List<Edge> edges,
    List<Cycle> cycles,
    List<UnitId> criticalPath,
    Progress progress) {

  public Repository {
    plans = List.copyOf(plans);
    units = List.copyOf(units);
    edges = List.copyOf(edges);
    cycles = List.copyOf(cycles);
    criticalPath = List.copyOf(criticalPath);
  }
}
