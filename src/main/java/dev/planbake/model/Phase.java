package dev.planbake.model;

/**
 * A {@code Phase N: Name} heading at any level of file {@code source}, with the boxes under it and
 * the goal and duration estimate written in it, if any ({@code ""} when not given).
 */
public record Phase(
    String source,
    String number,
    String name,
    int level,
    String anchor,
    int line,
    Progress progress,
    String goal,
    String duration) {}
