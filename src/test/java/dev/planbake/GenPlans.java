package dev.planbake;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's corpus generator ({@code ../shared/bench/gen-plans}) and its {@code truth.json},
 * compared with what Planbake read.
 */
public final class GenPlans {
  /** Relative to the project root, where Maven runs the tests. */
  public static final Path SCRIPT = Path.of("..", "shared", "bench", "gen-plans");

  private GenPlans() {}

  /** One plan (or one unit of a multi-unit file) as the generator wrote it. */
  public record Truth(
      String path,
      String style,
      String unit,
      boolean multi,
      int done,
      int total,
      List<String> dependsOn) {}

  /** Runs the generator into {@code out} ({@code out/plans}, {@code out/truth.json}). */
  public static void generate(Path out, int plans, int seed, boolean faults) {
    List<String> cmd = new ArrayList<>();
    cmd.add("python3");
    cmd.add(SCRIPT.toString());
    cmd.add(out.toString());
    cmd.add("--plans");
    cmd.add(Integer.toString(plans));
    cmd.add("--seed");
    cmd.add(Integer.toString(seed));
    if (faults) {
      cmd.add("--faults");
    }
    if (!Files.isRegularFile(SCRIPT)) {
      throw new IllegalStateException("generator not found at " + SCRIPT.toAbsolutePath());
    }
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("gen-plans failed: " + String.join(" ", cmd) + "\n" + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The clean plans of {@code truth.json}. */
  public static List<Truth> truth(Path out) {
    return read(out).plans;
  }

  /** The paths of {@code truth.json}'s faults, relative to the plans folder. */
  public static List<String> faults(Path out) {
    return read(out).faults;
  }

  private record TruthFile(List<Truth> plans, List<String> faults) {}

  private static TruthFile read(Path out) {
    try {
      Map<?, ?> root = JSON.std.mapFrom(Files.readString(out.resolve("truth.json")));
      List<Truth> plans = new ArrayList<>();
      for (Object o : StatusFile.list(root.get("plans"))) {
        Map<?, ?> t = (Map<?, ?>) o;
        plans.add(
            new Truth(
                StatusFile.str(t.get("path")),
                StatusFile.str(t.get("style")),
                StatusFile.str(t.get("unit")),
                Boolean.TRUE.equals(t.get("multi")),
                StatusFile.num(t.get("tasks_done")),
                StatusFile.num(t.get("tasks_total")),
                StatusFile.strings(t.get("depends_on"))));
      }
      List<String> faults = new ArrayList<>();
      for (Object o : StatusFile.list(root.get("faults"))) {
        faults.add(withoutPlansPrefix(StatusFile.str(((Map<?, ?>) o).get("path"))));
      }
      return new TruthFile(plans, faults);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every difference between {@code truth} and the units of {@code status} (units whose source
   * starts with one of {@code skipPrefixes} left aside): ids, styles, task counts and depends-on
   * edges, plus truth entries with no unit and units with no truth entry. Empty when they agree.
   */
  public static List<String> differences(
      List<Truth> truth, StatusFile status, List<String> skipPrefixes) {
    Map<String, List<StatusFile.Unit>> bySource = new HashMap<>();
    Map<String, StatusFile.Unit> byId = new HashMap<>();
    for (StatusFile.Unit u : status.units()) {
      byId.put(u.id(), u);
      if (skipPrefixes.stream().noneMatch(u.source()::startsWith)) {
        bySource.computeIfAbsent(u.source(), k -> new ArrayList<>()).add(u);
      }
    }
    List<String> diffs = new ArrayList<>();
    Set<String> matched = new HashSet<>();
    for (Truth t : truth) {
      String source = withoutPlansPrefix(t.path());
      List<StatusFile.Unit> candidates = bySource.getOrDefault(source, List.of());
      String scope = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
      StatusFile.Unit u;
      if (t.multi()) {
        String id = scope + "#" + t.unit();
        u = candidates.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        if (u == null) {
          diffs.add(source + ": no unit " + id + " (units: " + ids(candidates) + ")");
          continue;
        }
      } else {
        if (candidates.size() != 1) {
          diffs.add(source + ": expected one unit, found " + ids(candidates));
          continue;
        }
        u = candidates.get(0);
        if (t.unit() != null && !u.id().equals(t.unit())) {
          diffs.add(source + ": id " + u.id() + ", expected " + t.unit());
        }
      }
      matched.add(u.id());
      if (!u.style().equals(t.style())) {
        diffs.add(source + " " + u.id() + ": style " + u.style() + ", expected " + t.style());
      }
      if (u.done() != t.done() || u.total() != t.total()) {
        diffs.add(
            source
                + " "
                + u.id()
                + ": tasks "
                + u.done()
                + "/"
                + u.total()
                + ", expected "
                + t.done()
                + "/"
                + t.total());
      }
      List<String> expected = new ArrayList<>();
      List<String> got = new ArrayList<>();
      if (t.multi()) {
        t.dependsOn().forEach(d -> expected.add(scope + "#" + d));
        got.addAll(u.dependsOn());
      } else {
        expected.addAll(t.dependsOn());
        for (String d : u.dependsOn()) {
          StatusFile.Unit target = byId.get(d);
          got.add(target == null ? "<no unit " + d + ">" : "plans/" + target.source());
        }
      }
      expected.sort(null);
      got.sort(null);
      if (!expected.equals(got)) {
        diffs.add(source + " " + u.id() + ": depends_on " + got + ", expected " + expected);
      }
    }
    for (List<StatusFile.Unit> us : bySource.values()) {
      for (StatusFile.Unit u : us) {
        if (!matched.contains(u.id())) {
          diffs.add(u.source() + ": unit " + u.id() + " is not in truth.json");
        }
      }
    }
    diffs.sort(null);
    return diffs;
  }

  /**
   * The dependencies of {@code truth.json} named by the unit ids of {@code status}: for every unit
   * the generator wrote, the ids of the units it depends on. Truth gives the edges; status.json
   * only names their ends.
   */
  public static Map<String, List<String>> dependencies(List<Truth> truth, StatusFile status) {
    Map<String, String> idOfPlan = new HashMap<>();
    Map<String, List<StatusFile.Unit>> bySource = new HashMap<>();
    for (StatusFile.Unit u : status.units()) {
      bySource.computeIfAbsent(u.source(), k -> new ArrayList<>()).add(u);
    }
    bySource.forEach(
        (source, us) -> {
          if (us.size() == 1) {
            idOfPlan.put("plans/" + source, us.get(0).id());
          }
        });
    Map<String, List<String>> out = new HashMap<>();
    for (Truth t : truth) {
      String source = withoutPlansPrefix(t.path());
      String scope = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
      String id = t.multi() ? scope + "#" + t.unit() : idOfPlan.get(t.path());
      List<String> deps = new ArrayList<>();
      for (String d : t.dependsOn()) {
        deps.add(t.multi() ? scope + "#" + d : idOfPlan.get(d));
      }
      out.put(id, deps);
    }
    return out;
  }

  /** The same dependencies the other way: for every unit, the units that depend on it. */
  public static Map<String, List<String>> dependents(Map<String, List<String>> dependencies) {
    Map<String, List<String>> out = new HashMap<>();
    dependencies.forEach(
        (id, ds) -> ds.forEach(d -> out.computeIfAbsent(d, k -> new ArrayList<>()).add(id)));
    return out;
  }

  /** Every unit reachable from {@code id} along {@code next}, without {@code id} itself. */
  public static Set<String> reach(String id, Map<String, List<String>> next) {
    Set<String> seen = new TreeSet<>();
    java.util.ArrayDeque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      for (String y : next.getOrDefault(todo.poll(), List.of())) {
        if (seen.add(y)) {
          todo.add(y);
        }
      }
    }
    seen.remove(id);
    return seen;
  }

  /**
   * The units in the middle of the DAG (something upstream and something downstream), in id order.
   */
  public static List<String> middle(Map<String, List<String>> dependencies) {
    Map<String, List<String>> dependents = dependents(dependencies);
    return dependencies.keySet().stream()
        .filter(id -> !dependencies.get(id).isEmpty() && dependents.containsKey(id))
        .sorted()
        .toList();
  }

  private static List<String> ids(List<StatusFile.Unit> units) {
    return units.stream().map(StatusFile.Unit::id).toList();
  }

  private static String withoutPlansPrefix(String path) {
    return path.startsWith("plans/") ? path.substring("plans/".length()) : path;
  }
}
