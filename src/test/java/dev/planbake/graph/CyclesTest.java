package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.diag.Position;
import dev.planbake.model.Cycle;
import dev.planbake.model.Edge;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.UnitId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CyclesTest {
  private final List<UnitId> nodes = new ArrayList<>();
  private final Map<UnitId, List<Edge>> out = new HashMap<>();

  @Test
  void aThousandUnitCycleIsFoundOnceWithEveryEdge() {
    for (int i = 0; i < 1000; i++) {
      edge(id(i), id((i + 1) % 1000));
    }
    List<Cycle> cycles = Cycles.find(nodes, out);
    assertEquals(1, cycles.size());
    Cycle c = cycles.get(0);
    assertAll(
        () -> assertEquals(1000, c.edges().size()),
        () -> assertEquals(1000, c.ids().size()),
        () -> assertEquals(id(0), c.ids().get(0)),
        () -> assertEquals(id(999), c.ids().get(999)),
        () -> assertEquals(id(0), c.edges().get(999).to()));
  }

  @Test
  void eachCycleIsReportedOnceFromItsSmallestId() {
    edge("2.0", "1.0");
    edge("1.0", "2.0");
    edge("3.0", "4.0");
    edge("4.0", "5.0");
    edge("5.0", "3.0");
    edge("5.0", "6.0");
    List<Cycle> cycles = Cycles.find(nodes, out);
    assertEquals(
        List.of(List.of("1.0", "2.0"), List.of("3.0", "4.0", "5.0")),
        cycles.stream().map(c -> c.ids().stream().map(UnitId::toString).toList()).toList());
  }

  @Test
  void aShortestCycleIsShownThroughABiggerTangle() {
    // 1 -> 2 -> 3 -> 1 and 1 -> 3: one component, one cycle, the shorter way round.
    edge("1.0", "2.0");
    edge("2.0", "3.0");
    edge("3.0", "1.0");
    edge("1.0", "3.0");
    List<Cycle> cycles = Cycles.find(nodes, out);
    assertEquals(1, cycles.size());
    assertEquals(
        List.of("1.0", "3.0"), cycles.get(0).ids().stream().map(UnitId::toString).toList());
  }

  @Test
  void aDiamondHasNoCycle() {
    edge("4.0", "2.0");
    edge("4.0", "3.0");
    edge("2.0", "1.0");
    edge("3.0", "1.0");
    assertEquals(List.of(), Cycles.find(nodes, out));
  }

  private static UnitId id(int i) {
    return UnitId.global("1." + i);
  }

  private void edge(String from, String to) {
    edge(UnitId.global(from), UnitId.global(to));
  }

  private void edge(UnitId from, UnitId to) {
    for (UnitId n : List.of(from, to)) {
      if (!nodes.contains(n)) {
        nodes.add(n);
      }
    }
    Position at = Position.of(Path.of(from + ".md"), from + ".md", 1);
    out.computeIfAbsent(from, k -> new ArrayList<>())
        .add(new Edge(from, to, Direction.DEPENDS_ON, at));
  }
}
