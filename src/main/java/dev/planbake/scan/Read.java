package dev.planbake.scan;

import dev.planbake.diag.Diagnostic;

/** A file as read: its text (null if it could not be used) and what to report about it. */
record Read(PlanSource.File file, Diagnostic problem) {}
