package dev.planbake.model;

import dev.planbake.diag.Position;

/**
 * A resolved dependency: {@code from} depends on {@code to} (kind DEPENDS_ON), or the two are
 * related (kind RELATED). An "enables" reference is stored here reversed. {@code at} is the line
 * that states it.
 */
public record Edge(UnitId from, UnitId to, Reference.Direction kind, Position at) {}
