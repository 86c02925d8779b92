package dev.planbake.model;

/**
 * A status a plan states about itself, the words it used and where: front matter, an inline field,
 * a {@code ## Status} section, or the folder it sits in ({@code line} 0). {@code source} is the
 * file that says it (a feature folder's status may come from its spec.md, not its plan.md).
 */
public record DeclaredStatus(Status status, String text, String source, int line, String from) {
  public static final DeclaredStatus NONE = new DeclaredStatus(Status.NONE, "", "", 0, "");

  public boolean present() {
    return status != Status.NONE;
  }
}
