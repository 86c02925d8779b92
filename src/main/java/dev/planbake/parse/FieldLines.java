package dev.planbake.parse;

import dev.planbake.model.Field;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * The fields of a file, read as {@link DocumentReader} walks it: "Key: value" lines of paragraphs
 * and of a block quote at the top, the rows and items of a metadata section, bold items right under
 * the title or a unit heading, and the status written under a Status heading. Each is scoped to the
 * section it is read in; a phase takes its goal and duration from its own.
 */
final class FieldLines {
  private static final Pattern QUOTE_MARKS = Pattern.compile("^\\s*(?:>\\s?)+");

  private final Deque<OpenSection> stack;

  /** Lines inside a GSD plan's tag blocks ({@code <task>}, {@code <objective>}), 1-based. */
  private final BitSet inTag;

  private final List<Doc.ScopedField> fields = new ArrayList<>();
  private final List<Doc.ScopedField> statusTexts = new ArrayList<>();

  /** A Status heading whose first paragraph (or a list before it) gives the status. */
  private OpenSection statusWanted;

  FieldLines(Deque<OpenSection> stack, BitSet inTag) {
    this.stack = stack;
    this.inTag = inTag;
  }

  List<Doc.ScopedField> fields() {
    return fields;
  }

  List<Doc.ScopedField> statusTexts() {
    return statusTexts;
  }

  /** A heading at {@code line} opens {@code o}, before it is pushed on the stack. */
  void heading(OpenSection o, int line) {
    statusWanted = null;
    if (o.statusAfter != null) {
      if (!o.statusAfter.isBlank()) {
        statusTexts.add(scoped(new Field("Status", o.statusAfter, line)));
      } else {
        statusWanted = o;
      }
    }
  }

  /** Line {@code l} of {@code block}, whose first line is {@code first}. */
  void line(Node block, int l, String text, int first) {
    if (block instanceof Paragraph) {
      onField(l, text);
    } else if (block instanceof BlockQuote && (stack.isEmpty() || stack.peek().level == 1)) {
      // "> Status: draft for review." in a block quote at the top of the plan.
      onField(l, QUOTE_MARKS.matcher(text).replaceFirst(""));
    } else if (stack.peek() != null
        && stack.peek().meta
        && ((block instanceof TableBlock && l > first) || block instanceof ListBlock)) {
      // "### Plan Metadata" with "| Status | draft |" rows (under a "| Field | Value |" header,
      // which is none) or "- **Status:** active" items.
      for (Field f : Fields.readItem(text, l)) {
        addField(f);
      }
    } else if (block instanceof ListBlock
        && (stack.isEmpty() || stack.peek().level == 1 || stack.peek().unit != null)) {
      // "- **Status:** In progress" in a list right under the title or a unit heading.
      for (Field f : Fields.readBoldItem(text, l)) {
        addField(f);
      }
    }
  }

  /** After the lines {@code first} to {@code last} of {@code block}. */
  void blockEnd(Node block, int first, int last, IntFunction<String> line) {
    boolean paragraph = block instanceof Paragraph;
    if (statusWanted != null && (paragraph || block instanceof ListBlock)) {
      // The first paragraph under a Status heading; a list before it is read too ("- ✅ Complete"),
      // its items as clauses, so items with statuses of their own are a report, not a status.
      StringBuilder sb = new StringBuilder();
      for (int l = first; l <= last; l++) {
        String text = line.apply(l);
        String item = paragraph ? text : Fields.withoutItemMarker(text);
        sb.append(item.length() < text.length() && sb.length() > 0 ? "; " : " ").append(item);
      }
      statusTexts.add(scoped(new Field("Status", sb.toString().strip(), first)));
      if (paragraph) {
        statusWanted = null;
      }
    }
  }

  private void onField(int l, String text) {
    if (inTag.get(l)) {
      // "Output: ..." inside a GSD plan's <task> or <objective> block belongs to that block.
      return;
    }
    for (Field f : Fields.read(text, l)) {
      addField(f);
    }
  }

  private void addField(Field f) {
    fields.add(scoped(f));
    for (OpenSection o : stack) {
      if (o.phaseNumber != null) {
        o.phaseField(f);
        break;
      }
    }
  }

  private Doc.ScopedField scoped(Field f) {
    return OpenSection.scoped(f, stack.peek());
  }
}
