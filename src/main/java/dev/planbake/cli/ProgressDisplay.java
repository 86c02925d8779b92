package dev.planbake.cli;

import dev.planbake.site.Site;
import java.io.PrintStream;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per stage on an interactive terminal, shown only once a build has taken more than
 * a moment; nothing at all when output goes to a file, a pipe or CI (their logs want the summary
 * line alone). {@code NO_COLOR} gives a bar without colour.
 */
final class ProgressDisplay implements Site.Progress, AutoCloseable {
  /** Builds quicker than this show no bar: it would only flicker. */
  private static final long QUIET_NANOS = 400_000_000L;

  private final PrintStream terminal;
  private final boolean colour;
  private final long quietNanos;
  private final long start = System.nanoTime();
  private ProgressBar bar;
  private String stage;

  ProgressDisplay(PrintStream terminal, boolean colour, long quietNanos) {
    this.terminal = terminal;
    this.colour = colour;
    this.quietNanos = quietNanos;
  }

  /** A display on stderr when it is an interactive terminal, else one that shows nothing. */
  static Site.Progress forTerminal(Map<String, String> env) {
    boolean interactive =
        System.console() != null
            && !env.containsKey("CI")
            && !"dumb".equals(env.getOrDefault("TERM", "dumb"));
    if (!interactive) {
      return Site.Progress.NONE;
    }
    return new ProgressDisplay(System.err, !env.containsKey("NO_COLOR"), QUIET_NANOS);
  }

  @Override
  public synchronized void update(String stage, int done, int total) {
    if (bar == null && System.nanoTime() - start < quietNanos) {
      return;
    }
    if (!stage.equals(this.stage)) {
      close();
      this.stage = stage;
      bar =
          new ProgressBarBuilder()
              .setTaskName(String.format("%-6s", stage))
              .setInitialMax(total)
              .setStyle(colour ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(100)
              .setConsumer(new ConsoleProgressBarConsumer(terminal))
              .hideEta()
              .clearDisplayOnFinish()
              .build();
    }
    bar.maxHint(total);
    bar.stepTo(done);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
