/** The immutable records every stage passes along: plans, units, tasks, references, status. */
package dev.planbake.model;
