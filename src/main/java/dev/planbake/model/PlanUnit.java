package dev.planbake.model;

import java.util.List;

/**
 * A unit as parsed from a plan: its local id ({@code ""} when the plan has none), title, where its
 * section starts and its anchor ({@code ""} for a whole-file unit), declared status, aliases and
 * content.
 */
public record PlanUnit(
    String localId,
    String title,
    int line,
    String anchor,
    DeclaredStatus declared,
    List<String> aliases,
    Content content) {

  public PlanUnit {
    aliases = List.copyOf(aliases);
  }
}
