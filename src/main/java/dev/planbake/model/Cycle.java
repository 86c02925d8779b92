package dev.planbake.model;

import java.util.List;

/** A dependency cycle: its units in order and the edges that close it. */
public record Cycle(List<UnitId> ids, List<Edge> edges) {
  public Cycle {
    ids = List.copyOf(ids);
    edges = List.copyOf(edges);
  }
}
