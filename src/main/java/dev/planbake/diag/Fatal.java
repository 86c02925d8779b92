package dev.planbake.diag;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Problems that stop a command before it can finish: an invalid config file, a theme template that
 * does not compile or render. Each is printed as its {@code file:line: error:} line, and the
 * command exits 2; {@link #getMessage()} gives the same lines.
 */
public final class Fatal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> problems;

  public Fatal(List<Diagnostic> problems) {
    this(problems, null);
  }

  public Fatal(List<Diagnostic> problems, Throwable cause) {
    super(lines(problems), cause);
    this.problems = List.copyOf(problems);
  }

  public List<Diagnostic> problems() {
    return problems;
  }

  private static String lines(List<Diagnostic> problems) {
    Path cwd = Path.of("");
    return problems.stream().map(d -> d.format(cwd)).collect(Collectors.joining("\n"));
  }
}
