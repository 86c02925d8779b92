package dev.planbake.cli;

import dev.planbake.diag.Fatal;
import dev.planbake.diag.IoReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code planbake}: build, check and serve a plan repository. */
@Command(
    name = "planbake",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Turns a folder of Markdown implementation plans into a static status site.",
    subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class})
public final class Main implements Runnable {
  /** Everything fine. */
  public static final int OK = 0;

  /** Content problems: errors (check, build --strict), or warnings with check --strict. */
  public static final int PROBLEMS = 1;

  /** Wrong usage, or the plans or output could not be read or written. */
  public static final int FAILURE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Relaunch.followParent();
    System.exit(Relaunch.elsewhere(args).orElseGet(() -> run(args)));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return execute(new CommandLine(new Main()), args);
  }

  /** Runs a command line printing to {@code out} and {@code err} instead of the console. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    return execute(cli, args);
  }

  private static int execute(CommandLine cli, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    cli.setExitCodeExceptionMapper(e -> FAILURE);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          failed(e, cmd.getErr(), verbose);
          return FAILURE;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Nothing to debug in a stack trace here: the heap is too small for these plans.
      cli.getErr()
          .println(
              "planbake: out of memory; give Java a larger heap, e.g. java -Xmx4g -jar"
                  + " planbake.jar ... (or PLANBAKE_JAVA_OPTS=-Xmx4g bin/planbake ...)");
      if (verbose) {
        e.printStackTrace(cli.getErr());
      }
      cli.getErr().flush();
      return FAILURE;
    }
  }

  /**
   * What a user reads when a command stops: the problems of a config file or theme at their {@code
   * file:line}, one line for a file that could not be read or written, and for anything else (a
   * bug) its kind and message, with the stack trace under {@code --verbose}.
   */
  static void failed(Exception e, PrintWriter err, boolean verbose) {
    if (e instanceof Fatal fatal) {
      Common.print(err, fatal.problems());
      return;
    }
    if (e instanceof IOException io) {
      err.println("planbake: " + IoReason.explain(io));
    } else if (e instanceof UncheckedIOException u) {
      err.println("planbake: " + IoReason.explain(u.getCause()));
    } else {
      err.println(
          "planbake: internal error: "
              + e
              + (verbose ? "" : " (--verbose shows where; please report it)"));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints the version Maven stamped into the jar. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {dev.planbake.site.Site.GENERATOR};
    }
  }
}
