package dev.planbake;

import dev.planbake.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
public record Cli(int exit, String out, String err) {

  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      exit = Main.run(o, e, args);
    }
    return new Cli(exit, normalize(out.toString()), normalize(err.toString()));
  }

  private static String normalize(String s) {
    return s.replace("\r\n", "\n");
  }
}
