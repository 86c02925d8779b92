package dev.planbake.model;

import java.util.Locale;

/**
 * Where a unit of work stands. {@link #NONE} is for pages that are not work at all (a README, a
 * review, notes): no tasks and no declared status. They are neither ready nor blocked.
 */
public enum Status {
  DRAFT("Draft"),
  PLANNED("Planned"),
  IN_PROGRESS("In progress"),
  REVIEW("In review"),
  DONE("Done"),
  BLOCKED("Blocked"),
  CANCELLED("Cancelled"),
  NONE("No status");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  /** The URL and JSON form: {@code in-progress}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String label() {
    return label;
  }

  /** Done and cancelled units need no more work and never block others. */
  public boolean isClosed() {
    return this == DONE || this == CANCELLED;
  }

  /** What the boxes alone say: none ticked is planned, some is in progress, all is done. */
  public static Status derivedFrom(Progress p) {
    if (p.total() == 0) {
      return NONE;
    }
    if (p.done() == 0) {
      return PLANNED;
    }
    return p.done() == p.total() ? DONE : IN_PROGRESS;
  }
}
