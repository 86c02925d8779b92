/**
 * Resolves references into a dependency graph: dangling targets, cycles, duplicates, statuses,
 * blocked and ready units, roll-ups and the critical path.
 */
package dev.planbake.graph;
