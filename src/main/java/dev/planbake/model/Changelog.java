package dev.planbake.model;

import java.util.List;

/**
 * What changed in the plans, commit by commit, newest first: read from git by comparing each
 * changed file's units before and after the commit.
 *
 * @param entries the changes, newest first
 * @param since the first day the changelog covers (older commits are not read)
 * @param partial whether the history is shallow, so that older changes may be missing
 * @param boxes every revision's boxes before and after it, newest first: what the burn-up is drawn
 *     from
 */
public record Changelog(
    List<Entry> entries, java.time.LocalDate since, boolean partial, List<Boxes> boxes) {
  public static final Changelog NONE = new Changelog(List.of(), null, false, List.of());

  public Changelog {
    entries = List.copyOf(entries);
    boxes = List.copyOf(boxes);
  }

  /**
   * The boxes of one plan file before and after one commit changed it, the file read on its own (0
   * and 0 on the side where it does not exist).
   *
   * @param commit the commit
   * @param now the file's name at HEAD, relative to its plans folder; null when it was deleted
   *     since
   * @param doneBefore ticked boxes before the commit
   * @param totalBefore all boxes before the commit
   * @param done ticked boxes after the commit
   * @param total all boxes after the commit
   */
  public record Boxes(
      Commit commit, String now, int doneBefore, int totalBefore, int done, int total) {}

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
   * @param source the plan file, relative to its plans folder, as the commit named it
   * @param now the file's name at HEAD; null when it was deleted since
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
      String now,
      String title,
      Kind kind,
      Status from,
      Status to,
      int ticked,
      int done,
      int total) {}
}
