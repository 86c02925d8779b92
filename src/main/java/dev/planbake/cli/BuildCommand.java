package dev.planbake.cli;

import dev.planbake.config.Settings;
import dev.planbake.site.Site;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code planbake build}: writes the site. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build the site from the plans folders into the output folder.")
final class BuildCommand implements Callable<Integer> {
  @Mixin Common common = new Common();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: public).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    long start = System.nanoTime();
    Settings s = common.settings(err);
    if (out != null) {
      s = s.withOut(out);
    }
    Site.Result r;
    Site.Progress progress = ProgressDisplay.forTerminal(System.getenv());
    try {
      r = Site.build(s, progress);
    } finally {
      if (progress instanceof ProgressDisplay display) {
        display.close();
      }
    }
    Common.print(err, r.diagnostics());
    Summary.print(stdout, err, r, start, common.verbose, s.trustHtml());
    return common.strict && r.errors() > 0 ? Main.PROBLEMS : Main.OK;
  }
}
