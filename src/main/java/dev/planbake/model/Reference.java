package dev.planbake.model;

import dev.planbake.diag.Position;

/**
 * A mention of another unit, as written: what it names, which way the dependency goes, the text of
 * the line it came from and where that line is.
 */
public record Reference(Target target, Direction direction, String text, Position at) {

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
    NAME
  }

  /** The target as named, before resolution. */
  public record Target(Kind kind, String value) {
    @Override
    public String toString() {
      return switch (kind) {
        case UNIT -> "Unit " + value;
        case PATH -> value;
        default -> value;
      };
    }
  }

  /**
   * Whether an unresolved target is worth reporting: guesses at names are not, nor issue numbers no
   * plan declares (they usually name an issue in a tracker), nor mere mentions.
   */
  public boolean explicit() {
    return target.kind() != Kind.NAME
        && target.kind() != Kind.ALIAS
        && direction != Direction.MENTION;
  }
}
