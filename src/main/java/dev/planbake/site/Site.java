package dev.planbake.site;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import dev.planbake.model.Repository;
import dev.planbake.render.Page;
import dev.planbake.render.Renderer;
import dev.planbake.write.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds or checks a plan repository: a {@link Session} scans, parses, resolves and renders; a
 * build then writes the pages. Content problems are collected, never thrown; only I/O failures
 * throw.
 */
public final class Site {
  public static final String GENERATOR = "planbake " + Version.VERSION;

  /**
   * The folder, beside the config file, whose files a build copies to the site root as they are
   * ({@code CNAME}, {@code .nojekyll}, images): Hugo's and Zola's name for it.
   */
  public static final String STATIC = "static";

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

  /**
   * Told how far a run has got, for a progress display. Called from worker threads, often: keep it
   * cheap and thread-safe.
   */
  public interface Progress {
    Progress NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} items of {@code stage} ("parse", "render", "write"). */
    void update(String stage, int done, int total);
  }

  /** Reads and resolves the plans without writing anything. */
  public static Result check(Settings settings) throws IOException {
    return new Session(settings, false, Progress.NONE, null, false).refresh().result();
  }

  /** Reads, resolves, renders and writes the site into {@code settings.out()}. */
  public static Result build(Settings settings) throws IOException {
    return build(settings, Progress.NONE);
  }

  /**
   * As {@link #build(Settings)}, telling {@code progress} how far it has got. Plan pages are
   * written as they are rendered, into a fresh folder that replaces the output only when the whole
   * site is written.
   */
  public static Result build(Settings settings, Progress progress) throws IOException {
    try (Output.Writer out = new Output(settings.out(), settings.plans()).open()) {
      Session.Update update;
      try {
        update = new Session(settings, true, progress, out::write, false).refresh();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      Stopwatch clock = new Stopwatch();
      List<Page> rest = List.copyOf(update.pages().values());
      AtomicInteger written = new AtomicInteger();
      out.writeAll(rest, () -> progress.update("write", written.incrementAndGet(), rest.size()));
      Path statics = settings.base().resolve(STATIC);
      List<Diagnostic> notCopied = new ArrayList<>();
      for (Output.NotCopied n : out.copyStatic(statics)) {
        notCopied.add(
            Diagnostic.warning(
                Position.of(n.file(), STATIC + "/" + n.path(), 0),
                "not copied to the site: " + n.reason()));
      }
      out.commit();
      clock.lap("write");
      Result r = update.result();
      if (!notCopied.isEmpty()) {
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        all.addAll(notCopied);
        r =
            new Result(
                r.repository(),
                all,
                r.errors(),
                r.warnings() + notCopied.size(),
                r.dropped(),
                r.pages(),
                r.timings());
      }
      List<Timing> timings = new ArrayList<>(r.timings());
      timings.addAll(clock.laps());
      return new Result(
          r.repository(),
          r.diagnostics(),
          r.errors(),
          r.warnings(),
          r.dropped(),
          out.written(),
          timings);
    }
  }

  /**
   * Checks the plans as {@link #check} does, then renders the site in memory and follows every
   * internal link and anchor of it; with {@code repoRoot}, also reports file paths the plans name
   * that do not exist there. Writes nothing.
   *
   * @param links whether to check the built site's links
   * @param repoRoot the code repository the plans describe, or null
   */
  public static Result checkLinks(Settings settings, boolean links, Path repoRoot)
      throws IOException {
    Session.Update update = new Session(settings, links).refresh();
    Result r = update.result();
    Diagnostics all = new Diagnostics();
    all.addAll(r.diagnostics());
    int keptErrors = (int) r.diagnostics().stream().filter(Diagnostic::isError).count();
    int keptWarnings = r.diagnostics().size() - keptErrors;
    all.addDropped(r.errors() - keptErrors, r.warnings() - keptWarnings);
    if (links) {
      all.addAll(BrokenLinks.broken(r.repository(), update.pages()));
    }
    if (repoRoot != null) {
      if (!Files.isDirectory(repoRoot)) {
        throw new IOException("repository root not found: " + repoRoot);
      }
      all.addAll(new RepoFiles(repoRoot).missing(r.repository().plans()));
    }
    return new Result(
        r.repository(),
        all.sorted(),
        all.errors(),
        all.warnings(),
        all.dropped(),
        r.pages(),
        r.timings());
  }

  /** The problems as JSON, in the shape status.json uses. */
  public static String diagnosticsJson(List<Diagnostic> diagnostics) {
    return Renderer.diagnosticsJson(diagnostics);
  }
}
