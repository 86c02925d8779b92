package dev.planbake.diag;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/** One problem a user sees: severity, position, message and an optional hint on what to do. */
public record Diagnostic(Severity severity, Position position, String message, String hint) {

  /** How bad a problem is; errors fail {@code check} and {@code build --strict}. */
  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final Comparator<Diagnostic> ORDER =
      // By file (as opened, so two plans folders with a units/a.md each are not interleaved).
      Comparator.comparing((Diagnostic d) -> d.position().file())
          .thenComparingInt(d -> d.position().line())
          .thenComparingInt(d -> d.position().column())
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public static Diagnostic error(Position at, String message) {
    return new Diagnostic(Severity.ERROR, at, message, "");
  }

  public static Diagnostic warning(Position at, String message) {
    return new Diagnostic(Severity.WARNING, at, message, "");
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, position, message, newHint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The compiler-style line: {@code path:line: error: message (hint)}. */
  public String format(Path cwd) {
    String text = position.display(cwd) + ": " + severity.label() + ": " + message;
    return hint.isEmpty() ? text : text + " (" + hint + ")";
  }
}
