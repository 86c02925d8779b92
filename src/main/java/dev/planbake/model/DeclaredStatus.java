package dev.planbake.model;

/**
 * A status a plan states about itself, the words it used and where: front matter, an inline field,
 * a {@code ## Status} section, or the folder it sits in ({@code line} 0).
 */
public record DeclaredStatus(Status status, String text, int line, String from) {
  public static final DeclaredStatus NONE = new DeclaredStatus(Status.NONE, "", 0, "");

  public boolean present() {
    return status != Status.NONE;
  }
}
