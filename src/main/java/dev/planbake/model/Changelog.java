package dev.planbake.model;

import java.util.List;

/**
 * What changed in the plans, commit by commit, newest first: read from git by comparing each
 * changed file's units before and after the commit.
 *
 * @param entries the changes, newest first
 * @param since the first day the changelog covers (older commits are not read)
 * @param partial whether the history is shallow, so that older changes may be missing
 */
public record Changelog(List<Entry> entries, java.time.LocalDate since, boolean partial) {
  public static final Changelog NONE = new Changelog(List.of(), null, false);

  public Changelog {
    entries = List.copyOf(entries);
  }

  /** What one commit did to one unit (or one plan file). */
  public enum Kind {
    /** a plan file was added */
    ADDED,
    /** a unit's status changed to done */
    FINISHED,
    /** a unit's status changed, to anything but done */
    STATUS,
    /** boxes were ticked, with no change of status */
    TICKED,
    /** a plan file was deleted */
    REMOVED
  }

  /**
   * One change.
   *
   * @param commit the commit that made it
   * @param source the plan file, relative to its plans folder
   * @param title the unit's title (the plan's for a whole file)
   * @param kind what happened
   * @param from the status before ({@link Status#NONE} for an added plan)
   * @param to the status after
   * @param ticked boxes ticked by the commit (net, 0 when none)
   * @param done ticked boxes after the commit
   * @param total all boxes after the commit
   */
  public record Entry(
      Commit commit,
      String source,
      String title,
      Kind kind,
      Status from,
      Status to,
      int ticked,
      int done,
      int total) {}
}
