package dev.planbake.model;

import java.util.List;

/**
 * A unit after resolution: the parsed unit with its plan, its three statuses, its edges in both
 * directions, and whether it is blocked or ready. A placeholder stands for a unit another plan says
 * it enables but that is not planned yet; it has no plan ({@code planSlug} is "").
 *
 * @param declared what the plan says (status NONE if it says nothing)
 * @param derived what the boxes say (NONE when there are none)
 * @param status the effective status: declared wins, else derived
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
    boolean blocked,
    boolean ready,
    boolean placeholder) {

  public Unit {
    dependsOn = List.copyOf(dependsOn);
    enables = List.copyOf(enables);
    related = List.copyOf(related);
    mentionedBy = List.copyOf(mentionedBy);
  }

  /** "Unit 1.0" for numbered units, else the id itself. */
  public String label() {
    return id.isNumbered() ? "Unit " + id.local() : id.local();
  }
}
