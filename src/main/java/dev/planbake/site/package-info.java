/** The orchestrator: one line per pipeline stage, with per-stage timings. */
package dev.planbake.site;
