package dev.planbake.graph;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the steps of this package's loops whose cost must stay linear in the input (a plan with
 * 50,000 tasks, a 1,000-unit cycle), so that tests bound the work by counting instead of timing.
 */
final class GraphSteps {
  private static final LongAdder STEPS = new LongAdder();

  private GraphSteps() {}

  static void step() {
    STEPS.increment();
  }

  static long count() {
    return STEPS.sum();
  }
}
