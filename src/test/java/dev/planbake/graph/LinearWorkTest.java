package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dependency cycle through every unit is resolved, reported and rolled up with work linear in its
 * size: the steps counted by {@link GraphSteps} double when the cycle doubles, no more.
 */
class LinearWorkTest {
  @Test
  void aThousandUnitCycleCostsLinearWork() {
    build(100); // warm up
    Built small = build(500);
    Built big = build(1000);
    assertAll(
        () -> assertEquals(1, big.repo().cycles().size()),
        () -> assertEquals(1000, big.repo().cycles().get(0).ids().size()),
        () -> assertTrue(big.steps() <= 2.1 * small.steps(), small.steps() + " vs " + big.steps()),
        () -> assertTrue(big.steps() <= 20L * 1000, "1,000 units took " + big.steps() + " steps"));
  }

  @Test
  void aLongChainCostsLinearWork() {
    Built small = chain(1000);
    Built big = chain(2000);
    assertAll(
        () -> assertEquals(2000, big.repo().criticalPath().size()),
        () -> assertTrue(big.steps() <= 2.1 * small.steps(), small.steps() + " vs " + big.steps()));
  }

  record Built(Repository repo, long steps) {}

  /** Unit i depends on unit i+1, and the last on the first. */
  private static Built build(int n) {
    return run(n, true);
  }

  private static Built chain(int n) {
    return run(n, false);
  }

  private static Built run(int n, boolean closed) {
    List<Plan> plans = new ArrayList<>();
    Diagnostics d = new Diagnostics(Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      int next = i + 1;
      String deps =
          next < n || closed
              ? "\n## Dependencies\n\n- Depends on: Unit " + (next % n + 1) + ".0\n"
              : "\n";
      String text = "# Unit " + (i + 1) + ".0: U" + i + "\n\n- [ ] t\n" + deps;
      plans.add(
          PlanParser.parse(
              new PlanSource(
                  Path.of("plans"), "", List.of(new PlanSource.File("u" + i + ".md", text))),
              d));
    }
    long before = GraphSteps.count();
    Repository repo = Graph.build(PlanParser.uniqueSlugs(plans), d);
    return new Built(repo, GraphSteps.count() - before);
  }
}
