package dev.planbake.model;

/**
 * A status a plan states about itself, the words it used and where: front matter, an inline field,
 * a {@code ## Status} section, or the folder it sits in ({@code line} 0). {@code source} is the
 * file that says it (a feature folder's status may come from its spec.md, not its plan.md).
 *
 * @param reason why it is blocked, in the author's words ("" if none is written): the rest of the
 *     status line, the Status section's text, or a {@code Blocked by/because} or {@code
 *     blocked_reason} field
 */
public record DeclaredStatus(
    Status status, String text, String source, int line, String from, String reason) {
  public static final DeclaredStatus NONE = new DeclaredStatus(Status.NONE, "", "", 0, "", "");

  public DeclaredStatus(Status status, String text, String source, int line, String from) {
    this(status, text, source, line, from, "");
  }

  public boolean present() {
    return status != Status.NONE;
  }

  public DeclaredStatus withReason(String why) {
    return new DeclaredStatus(status, text, source, line, from, why);
  }
}
