/**
 * Markdown to model: one commonmark parse per file yields metadata, tasks, sections, phases, gates,
 * references (all with lines) and the body HTML.
 */
package dev.planbake.parse;
