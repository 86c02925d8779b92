package dev.planbake.model;

import dev.planbake.diag.Position;

/**
 * A mention of another unit, as written: what it names, which way the dependency goes, the text of
 * the line it came from, where that line is, the number of the phase section it sits in ({@code ""}
 * if none: in a roadmap, "Depends on: Phase 2" under "Phase 3" is said of phase 3's plans), and the
 * unit the line speaks of when that is not the unit it is written in ({@code null} if none: "1.3 →
 * after 1.1" in an execution-order section, "**2. add-change-commands** (Depends on:
 * add-zod-validation)" in an index).
 */
public record Reference(
    Target target, Direction direction, String text, Position at, String phase, Target subject) {

  public Reference(Target target, Direction direction, String text, Position at) {
    this(target, direction, text, at, "", null);
  }

  public Reference(Target target, Direction direction, String text, Position at, String phase) {
    this(target, direction, text, at, phase, null);
  }

  /** Which way a reference points. */
  public enum Direction {
    /** The referring unit needs the target first. */
    DEPENDS_ON,
    /** The target needs the referring unit; stored as the target depending on the referrer. */
    ENABLES,
    /** No ordering. */
    RELATED,
    /** Named outside any dependency context: becomes a backlink only. */
    MENTION
  }

  /** How the target is named. */
  public enum Kind {
    /** {@code Unit 1.2}: a dotted unit id. */
    UNIT,
    /** {@code auth-units#1.1}: a unit id qualified by its file. */
    QUALIFIED,
    /** A link or backticked path, already made relative to the plans folder. */
    PATH,
    /** {@code #48}: an issue number a unit declares as its alias; external if none does. */
    ALIAS,
    /** A plan id or slug given explicitly, in front matter. */
    ID,
    /** A word that may be a plan slug or id; ignored silently if no plan has it. */
    NAME,
    /**
     * {@code Phase 2}: the plans of that phase (GSD plans {@code 02-MM}, sibling files {@code
     * phase-2-*.md} or titled "Phase 2: ..."); nothing, silently, if there are none.
     */
    PHASE,
    /**
     * A group of units of the referring file: {@code 1.} for "all Phase 1 units" (every unit whose
     * id starts so), {@code <} for "all previous units".
     */
    GROUP,
    /** {@code Feature 001}, {@code Spec 3}: the feature folder numbered so. */
    FEATURE
  }

  /** The target as named, before resolution. */
  public record Target(Kind kind, String value) {
    @Override
    public String toString() {
      return switch (kind) {
        case UNIT -> "Unit " + value;
        case PHASE -> "Phase " + value;
        case FEATURE -> "feature " + value;
        case GROUP -> value.equals("<") ? "all previous units" : "all units " + value + "x";
        case PATH -> value;
        default -> value;
      };
    }
  }

  /**
   * Whether an unresolved target is worth reporting: guesses at names are not, nor issue numbers no
   * plan declares (they usually name an issue in a tracker), nor phases and groups that may be
   * sections of the referring file, nor mere mentions.
   */
  public boolean explicit() {
    return target.kind() != Kind.NAME
        && target.kind() != Kind.ALIAS
        && target.kind() != Kind.PHASE
        && target.kind() != Kind.GROUP
        && direction != Direction.MENTION;
  }
}
