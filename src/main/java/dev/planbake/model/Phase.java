package dev.planbake.model;

/**
 * A {@code Phase N: Name} heading at any level, with the boxes under it and the goal and duration
 * estimate written in it, if any ({@code ""} when not given).
 */
public record Phase(
    String number,
    String name,
    int level,
    String anchor,
    int line,
    Progress progress,
    String goal,
    String duration) {}
