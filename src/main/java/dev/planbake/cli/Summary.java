package dev.planbake.cli;

import dev.planbake.model.Progress;
import dev.planbake.site.Site;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** The one line a run ends with: plans, units, tasks, errors, warnings, time. */
final class Summary {
  private Summary() {}

  static String line(Site.Result r, long startNanos) {
    int plans = r.repository().plans().size();
    long units = r.repository().units().stream().filter(u -> !u.placeholder()).count();
    Progress p = r.repository().progress();
    double secs = (System.nanoTime() - startNanos) / 1e9;
    String pages = r.pages() > 0 ? String.format(Locale.ROOT, ", %,d pages", r.pages()) : "";
    return String.format(
        Locale.ROOT,
        "%,d %s, %,d %s, %,d %s (%,d done)%s, %,d %s, %,d %s in %.2f s",
        plans,
        plans == 1 ? "plan" : "plans",
        units,
        units == 1 ? "unit" : "units",
        p.total(),
        p.total() == 1 ? "task" : "tasks",
        p.done(),
        pages,
        r.errors(),
        r.errors() == 1 ? "error" : "errors",
        r.warnings(),
        r.warnings() == 1 ? "warning" : "warnings",
        secs);
  }

  /** Said on every run with sanitising off, so that nobody publishes raw HTML unawares. */
  static final String TRUSTED =
      "warning: raw HTML in plans is published as written, scripts included (--trust-html or"
          + " trust_html: true); use it only for plans you trust";

  static void print(PrintWriter out, PrintWriter err, Site.Result r, long start, boolean verbose) {
    print(out, err, r, start, verbose, false);
  }

  static void print(
      PrintWriter out,
      PrintWriter err,
      Site.Result r,
      long start,
      boolean verbose,
      boolean trusted) {
    if (r.dropped() > 0) {
      err.printf(Locale.ROOT, "... and %,d more problems not shown%n", r.dropped());
    }
    if (verbose) {
      // Timings depend on them as much as on the plans (bin/planbake's settings or the JVM's own).
      List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
      err.printf(
          Locale.ROOT, "  %-7s %s%n", "jvm", jvm.isEmpty() ? "(defaults)" : String.join(" ", jvm));
      for (Site.Timing t : r.timings()) {
        err.printf(Locale.ROOT, "  %-7s %,6d ms%n", t.stage(), t.millis());
      }
    }
    if (trusted) {
      err.println(TRUSTED);
    }
    out.println(line(r, start) + (trusted ? ", HTML not sanitised" : ""));
    out.flush();
    err.flush();
  }
}
