package dev.planbake.model;

/**
 * Where a unit stands on the board: every unit in exactly one place, so that every count, list,
 * badge, banner, graph colour and {@code status.json} says the same. Decided once, in the graph
 * stage, from the effective status and the units it depends on:
 *
 * <ul>
 *   <li>{@link #READY}: planned, not declared blocked, and every unit it depends on is done or
 *       cancelled;
 *   <li>{@link #BLOCKED}: planned or draft, and some unit it depends on is unfinished, or declared
 *       blocked (whatever its boxes say): it cannot start;
 *   <li>{@link #IN_PROGRESS} and {@link #REVIEW}: started. A started unit whose prerequisites are
 *       not all finished stays here but is <em>waiting</em> ({@link Unit#waiting()}): it started
 *       early, which is not the same as being unable to start;
 *   <li>{@link #DRAFT}: still being written and waiting on nothing;
 *   <li>{@link #DONE}, {@link #CANCELLED}: closed; they never block others;
 *   <li>{@link #NONE}: not work (a README, notes: no boxes, no status), and placeholders.
 * </ul>
 */
public enum Standing {
  DONE("done", "Done"),
  IN_PROGRESS("in-progress", "In progress"),
  REVIEW("review", "In review"),
  READY("ready", "Ready to start"),
  BLOCKED("blocked", "Blocked"),
  DRAFT("draft", "Draft"),
  CANCELLED("cancelled", "Cancelled"),
  NONE("none", "No status");

  private final String slug;
  private final String label;

  Standing(String slug, String label) {
    this.slug = slug;
    this.label = label;
  }

  /** The URL and JSON form: {@code in-progress}. */
  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }

  /** Started: in progress or in review. */
  public boolean started() {
    return this == IN_PROGRESS || this == REVIEW;
  }

  /** Still to be finished: neither closed nor outside the work. */
  public boolean open() {
    return this != DONE && this != CANCELLED && this != NONE;
  }
}
