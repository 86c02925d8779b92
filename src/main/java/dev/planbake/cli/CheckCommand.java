package dev.planbake.cli;

import dev.planbake.diag.Diagnostic;
import dev.planbake.site.Site;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code planbake check}: validates the plans, writes nothing. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check the plans without writing a site; exit 1 on errors.")
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    github,
    json
  }

  @Mixin Common common = new Common();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), github (Actions annotations) or json.")
  Format format = Format.text;

  @Option(
      names = "--links",
      description = "Also render the site in memory and check that every internal link resolves.")
  boolean links;

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description = "Warn about file paths in plans that do not exist in this repository.")
  java.nio.file.Path repoRoot;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    Site.Result r =
        links || repoRoot != null
            ? Site.checkLinks(common.settings(err), links, repoRoot)
            : Site.check(common.settings(err));
    switch (format) {
      case json -> out.print(Site.diagnosticsJson(r.diagnostics()));
      case github -> {
        java.nio.file.Path cwd = java.nio.file.Path.of("");
        for (Diagnostic d : r.diagnostics()) {
          out.println(github(d, cwd));
        }
      }
      default -> {
        Common.print(err, r.diagnostics());
        Summary.print(out, err, r, start, common.verbose);
      }
    }
    out.flush();
    boolean fail = r.errors() > 0 || (common.strict && r.warnings() > 0);
    return fail ? Main.PROBLEMS : Main.OK;
  }

  /** {@code ::error file=plans/x.md,line=3::message} as GitHub Actions reads it. */
  static String github(Diagnostic d, java.nio.file.Path cwd) {
    String file = d.position().display(cwd).replaceFirst(":\\d+(:\\d+)?$", "");
    StringBuilder sb = new StringBuilder("::").append(d.severity().label()).append(" file=");
    sb.append(escapeProperty(file));
    if (d.position().line() > 0) {
      sb.append(",line=").append(d.position().line());
    }
    String msg = d.hint().isEmpty() ? d.message() : d.message() + " (" + d.hint() + ")";
    return sb.append("::").append(escapeData(msg)).toString();
  }

  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
