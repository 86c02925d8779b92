/**
 * Resolves references into a dependency graph: dangling targets, cycles, duplicates, statuses,
 * blocked and ready units, roll-ups and the critical path; and lays graphs out for drawing (ELK,
 * behind {@link dev.planbake.graph.Layout}).
 */
package dev.planbake.graph;
