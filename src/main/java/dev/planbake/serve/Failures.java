package dev.planbake.serve;

import dev.planbake.diag.Fatal;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A rebuild's failure in the words a page's banner and the terminal show. */
final class Failures {
  private Failures() {}

  /**
   * The problem of a config file or theme at its {@code file:line}, an I/O failure's message, the
   * heap or stack running out with what to do, and anything else (a bug) by its kind and message.
   */
  static String describe(Throwable e) {
    if (e instanceof Fatal || e instanceof IOException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException u) {
      return u.getCause().getMessage();
    }
    if (e instanceof OutOfMemoryError) {
      return "out of memory; give Java a larger heap, e.g. PLANBAKE_JAVA_OPTS=-Xmx4g bin/planbake"
          + " serve ..., or find the plan that grew";
    }
    if (e instanceof StackOverflowError) {
      return "stack overflow while building; a plan is nested deeper than this build can follow"
          + " (please report it with the plan)";
    }
    return "internal error: " + e + " (please report it)";
  }
}
