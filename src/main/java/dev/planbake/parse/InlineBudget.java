package dev.planbake.parse;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Bounds the time commonmark-java spends on links in one file. Its inline parser walks every
 * earlier opening bracket of the paragraph each time it closes a link, so a paragraph of {@code
 * ![[]()} repeated takes time in the square of its number of {@code [} (issue 24: 36 s for 200 KB
 * with commonmark-java 0.32). Each paragraph, heading or table cell is charged that square before
 * it is parsed; once a file's paragraphs would spend more than {@link #MAX_BRACKET_PAIRS}, the rest
 * over budget are kept as plain text and reported. Normal plans spend a few thousand: a task's
 * {@code [ ]}, a paragraph's few links.
 */
final class InlineBudget implements InlineParserFactory {
  /** The most {@code [} one paragraph may hold. */
  static final int MAX_BRACKETS = 5_000;

  /** What a file may spend: one paragraph of {@link #MAX_BRACKETS}, about 0.2 s at worst. */
  static final long MAX_BRACKET_PAIRS = (long) MAX_BRACKETS * MAX_BRACKETS;

  /** A block kept as plain text: its first line and its count of {@code [}. */
  record Skipped(int line, int brackets) {}

  /** The blocks kept as plain text in the file being parsed on this thread. */
  private static final ThreadLocal<List<Skipped>> SKIPPED = ThreadLocal.withInitial(ArrayList::new);

  /** Forgets what the last parse on this thread skipped, before a new one. */
  static void start() {
    SKIPPED.get().clear();
  }

  /** The blocks the parse since {@link #start} kept as plain text, in document order. */
  static List<Skipped> skipped() {
    return List.copyOf(SKIPPED.get());
  }

  /** Called once per parsed document: the budget is the document's. */
  @Override
  public InlineParser create(InlineParserContext context) {
    // commonmark keeps its own inline parser in its internal package; this wraps it unchanged.
    InlineParser engine = new InlineParserImpl(context);
    List<Skipped> skipped = SKIPPED.get();
    long[] spent = {0};
    return (SourceLines lines, Node block) -> {
      long brackets = brackets(lines);
      long cost = brackets * brackets;
      if (spent[0] + cost <= MAX_BRACKET_PAIRS) {
        spent[0] += cost;
        engine.parse(lines, block);
        return;
      }
      block.appendChild(new Text(lines.getContent()));
      skipped.add(new Skipped(line(block), (int) brackets));
    };
  }

  /** The first line of the block, or of the nearest block around it that knows its lines. */
  private static int line(Node block) {
    for (Node n = block; n != null; n = n.getParent()) {
      if (!n.getSourceSpans().isEmpty()) {
        return n.getSourceSpans().get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }

  private static long brackets(SourceLines lines) {
    long n = 0;
    for (SourceLine line : lines.getLines()) {
      CharSequence s = line.getContent();
      for (int i = 0, len = s.length(); i < len; i++) {
        if (s.charAt(i) == '[') {
          n++;
        }
      }
    }
    return n;
  }
}
