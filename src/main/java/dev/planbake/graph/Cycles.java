package dev.planbake.graph;

import dev.planbake.model.Cycle;
import dev.planbake.model.Edge;
import dev.planbake.model.UnitId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds dependency cycles in time linear in the graph: Tarjan's strongly connected components,
 * iteratively (a 1,000-unit cycle must not recurse 1,000 deep), then one cycle through each
 * component, starting from its smallest id so each cycle is reported once and always the same way.
 */
final class Cycles {
  private Cycles() {}

  static List<Cycle> find(List<UnitId> nodes, Map<UnitId, List<Edge>> out) {
    Map<UnitId, Integer> index = new HashMap<>();
    Map<UnitId, Integer> low = new HashMap<>();
    Map<UnitId, Boolean> onStack = new HashMap<>();
    Deque<UnitId> stack = new ArrayDeque<>();
    List<List<UnitId>> components = new ArrayList<>();
    int[] counter = {0};
    for (UnitId start : nodes) {
      if (index.containsKey(start)) {
        continue;
      }
      // Each frame: the node and how many of its edges were followed.
      Deque<Object[]> frames = new ArrayDeque<>();
      frames.push(new Object[] {start, 0});
      index.put(start, counter[0]);
      low.put(start, counter[0]++);
      stack.push(start);
      onStack.put(start, true);
      while (!frames.isEmpty()) {
        GraphSteps.step();
        Object[] f = frames.peek();
        UnitId v = (UnitId) f[0];
        List<Edge> edges = out.getOrDefault(v, List.of());
        int i = (Integer) f[1];
        if (i < edges.size()) {
          f[1] = i + 1;
          UnitId w = edges.get(i).to();
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.put(w, true);
            frames.push(new Object[] {w, 0});
          } else if (onStack.getOrDefault(w, false)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          UnitId parent = (UnitId) frames.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          List<UnitId> comp = new ArrayList<>();
          UnitId w;
          do {
            w = stack.pop();
            onStack.put(w, false);
            comp.add(w);
          } while (!w.equals(v));
          if (comp.size() > 1) {
            components.add(comp);
          }
        }
      }
    }
    List<Cycle> cycles = new ArrayList<>();
    for (List<UnitId> comp : components) {
      cycles.add(cycleThrough(comp, out));
    }
    cycles.sort((a, b) -> a.ids().get(0).compareTo(b.ids().get(0)));
    return cycles;
  }

  /** A shortest cycle through the smallest id of a component (breadth-first within it). */
  private static Cycle cycleThrough(List<UnitId> comp, Map<UnitId, List<Edge>> out) {
    java.util.Set<UnitId> members = new java.util.HashSet<>(comp);
    UnitId start = comp.stream().min(UnitId::compareTo).orElseThrow();
    Map<UnitId, Edge> via = new HashMap<>();
    Deque<UnitId> queue = new ArrayDeque<>();
    queue.add(start);
    Edge closing = null;
    while (!queue.isEmpty() && closing == null) {
      UnitId v = queue.poll();
      for (Edge e : out.getOrDefault(v, List.of())) {
        GraphSteps.step();
        if (!members.contains(e.to())) {
          continue;
        }
        if (e.to().equals(start)) {
          closing = e;
          break;
        }
        if (!via.containsKey(e.to())) {
          via.put(e.to(), e);
          queue.add(e.to());
        }
      }
    }
    List<Edge> edges = new ArrayList<>();
    edges.add(closing);
    UnitId at = closing.from();
    while (!at.equals(start)) {
      Edge e = via.get(at);
      edges.add(e);
      at = e.from();
    }
    java.util.Collections.reverse(edges);
    List<UnitId> ids = new ArrayList<>();
    for (Edge e : edges) {
      ids.add(e.from());
    }
    return new Cycle(ids, edges);
  }
}
