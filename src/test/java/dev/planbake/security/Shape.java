package dev.planbake.security;

/**
 * The inputs that took time in the square of their size (issue 24 item 2), each generated at any
 * size: constructs left unclosed so that the parser looks for their end again and again, brackets
 * whose links close one by one, emphasis markers that never match, and raw HTML nested thousands
 * deep for the cleaner; and one line naming thousands of references (items 3 and 7), which took
 * memory in its square or overflowed the stack. Also in the replayed fuzz corpus ({@code
 * shape--*.md}).
 */
enum Shape {
  PROCESSING_INSTRUCTION("a <?"),
  COMMENT("a <!--"),
  CDATA("a <![CDATA["),
  ANGLE_LINK("[a](<b"),
  IMAGE_BRACKETS("![[]()"),
  IMAGE_BRACKET_LINES("![[]()\n"),
  EMPHASIS("c* ") {
    @Override
    String start() {
      return "a**b";
    }
  },
  BACKTICK_RUNS("") {
    @Override
    String text(int bytes) {
      StringBuilder b = new StringBuilder(HEADER);
      for (int k = 1; b.length() < bytes; k++) {
        b.append("`".repeat(k)).append(' ');
      }
      return b.append('\n').toString();
    }
  },
  NESTED_TABLES("<table><tr><td>"),
  NESTED_BOLD("<b>"),
  NESTED_LISTS("<ul><li>"),
  NESTED_DIVS("<div>"),
  // One line of references (items 3 and 7): memory grew with the line times its targets, and a
  // list of unit ids overflowed the stack.
  DEPENDS_ON_ALIASES("#48 ") {
    @Override
    String start() {
      return "Depends on: ";
    }
  },
  DEPENDS_ON_UNITS("Unit 9.9, ") {
    @Override
    String start() {
      return "Depends on: ";
    }
  };

  static final String HEADER = "# Shape\n\n- [ ] a task before it\n\n";

  private final String unit;

  Shape(String unit) {
    this.unit = unit;
  }

  String start() {
    return "";
  }

  /** A plan of about {@code bytes} characters: a title, one task, then the shape repeated. */
  String text(int bytes) {
    StringBuilder b = new StringBuilder(bytes + 16).append(HEADER).append(start());
    while (b.length() < bytes) {
      b.append(unit);
    }
    return b.append('\n').toString();
  }

  String fileName() {
    return "shape--" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".md";
  }
}
