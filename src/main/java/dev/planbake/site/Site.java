package dev.planbake.site;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.model.Repository;
import dev.planbake.render.Renderer;
import dev.planbake.write.Output;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds or checks a plan repository: a {@link Session} scans, parses, resolves and renders; a
 * build then writes the pages. Content problems are collected, never thrown; only I/O failures
 * throw.
 */
public final class Site {
  public static final String GENERATOR = "planbake " + Version.VERSION;

  private Site() {}

  /** What a run produced: the repository, its problems, and how long each stage took. */
  public record Result(
      Repository repository,
      List<Diagnostic> diagnostics,
      int errors,
      int warnings,
      int dropped,
      int pages,
      List<Timing> timings) {}

  /** One stage's wall time. */
  public record Timing(String stage, long millis) {}

  /** Reads and resolves the plans without writing anything. */
  public static Result check(Settings settings) throws IOException {
    return run(settings, false);
  }

  /** Reads, resolves, renders and writes the site into {@code settings.out()}. */
  public static Result build(Settings settings) throws IOException {
    return run(settings, true);
  }

  private static Result run(Settings settings, boolean write) throws IOException {
    Session.Update update = new Session(settings, write).refresh();
    if (!write) {
      return update.result();
    }
    Stopwatch clock = new Stopwatch();
    new Output(settings.out(), settings.plans()).write(List.copyOf(update.pages().values()));
    clock.lap("write");
    Result r = update.result();
    List<Timing> timings = new ArrayList<>(r.timings());
    timings.addAll(clock.laps());
    return new Result(
        r.repository(), r.diagnostics(), r.errors(), r.warnings(), r.dropped(), r.pages(), timings);
  }

  /** The problems as JSON, in the shape status.json uses. */
  public static String diagnosticsJson(List<Diagnostic> diagnostics) {
    return Renderer.diagnosticsJson(diagnostics);
  }
}
