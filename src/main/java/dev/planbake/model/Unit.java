package dev.planbake.model;

import java.util.List;

/**
 * A unit after resolution: the parsed unit with its plan, its three statuses, its edges in both
 * directions, and where it stands (ready, blocked ...). A placeholder stands for a unit another
 * plan says it enables but that is not planned yet; it has no plan ({@code planSlug} is "").
 *
 * @param declared what the plan says (status NONE if it says nothing)
 * @param derived what the boxes say (NONE when there are none)
 * @param status the effective status: declared wins, else derived
 * @param standing where it stands on the board, the one definition of ready and blocked
 * @param waitingOn the units it depends on that are not finished yet, sorted
 */
public record Unit(
    UnitId id,
    String title,
    Style style,
    String planSlug,
    String source,
    PlanUnit part,
    DeclaredStatus declared,
    Status derived,
    Status status,
    Progress progress,
    List<UnitId> dependsOn,
    List<UnitId> enables,
    List<UnitId> related,
    List<UnitId> mentionedBy,
    Standing standing,
    List<UnitId> waitingOn,
    boolean placeholder) {

  public Unit {
    dependsOn = List.copyOf(dependsOn);
    enables = List.copyOf(enables);
    related = List.copyOf(related);
    mentionedBy = List.copyOf(mentionedBy);
    waitingOn = List.copyOf(waitingOn);
  }

  /** Cannot start: waits on unfinished work, or is declared blocked. */
  public boolean blocked() {
    return standing == Standing.BLOCKED;
  }

  /** Can start now: planned, and everything it depends on is finished. */
  public boolean ready() {
    return standing == Standing.READY;
  }

  /** Started before everything it depends on was finished (in progress or in review). */
  public boolean waiting() {
    return standing.started() && !waitingOn.isEmpty();
  }

  /** The author's reason for a blocked unit, "" if none is written or it is not blocked. */
  public String blockedReason() {
    return blocked() ? declared.reason() : "";
  }

  /** Done, but some of its boxes are not ticked. */
  public boolean doneWithOpenBoxes() {
    return status == Status.DONE && progress.done() < progress.total();
  }

  /** Still open, but every one of its boxes is ticked. */
  public boolean openWithAllTicked() {
    return standing.open() && progress.total() > 0 && progress.done() == progress.total();
  }

  /** "Unit 1.0" for numbered units, else the id itself. */
  public String label() {
    return id.isNumbered() ? "Unit " + id.local() : id.local();
  }
}
