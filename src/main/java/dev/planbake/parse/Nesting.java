package dev.planbake.parse;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import java.nio.file.Path;
import java.util.List;

/**
 * Bounds how deep lists and block quotes can nest, so that a hostile file cannot exhaust the stack
 * of the (recursive) renderer: indentation beyond {@link #MAX_INDENT} columns and more than {@link
 * #MAX_QUOTE_DEPTH} quote markers are cut, and a warning names the first such line. Tasks keep
 * counting: a flattened item is still an item.
 */
final class Nesting {
  /** Deeper indentation than this is flattened before parsing. */
  static final int MAX_INDENT = 400;

  static final int MAX_QUOTE_DEPTH = 100;

  private Nesting() {}

  /**
   * The index after a list marker ({@code -}, {@code *}, {@code +}, {@code 12.}, {@code 3)}) and
   * its space at {@code i}, or -1.
   */
  private static int listMarkerEnd(String text, int i, int end) {
    int j = i;
    char c = text.charAt(j);
    if (c == '-' || c == '*' || c == '+') {
      j++;
    } else {
      while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
        j++;
      }
      if (j == i || j >= end || (text.charAt(j) != '.' && text.charAt(j) != ')')) {
        return -1;
      }
      j++;
    }
    return j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t') ? j + 1 : -1;
  }

  /**
   * {@code text} with nesting beyond the bounds flattened; a warning for it in {@code problems}.
   */
  static String cap(String text, Path root, String source, List<Diagnostic> problems) {
    int firstCut = 0;
    int deepest = 0;
    StringBuilder out = null;
    int lineNo = 0;
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      lineNo++;
      int indent = 0;
      int quotes = 0;
      // Containers opened on this line: quote markers and list markers (`- - - x` nests too).
      int containers = 0;
      int keepTo = -1;
      // Where the line's first list marker (or its text) starts, and the indentation before it.
      int lead = -1;
      int leadIndent = 0;
      int leadQuotes = 0;
      int i = start;
      while (i < end) {
        char c = text.charAt(i);
        if (c == ' ') {
          indent++;
        } else if (c == '\t') {
          indent += 4;
        } else if (c == '>') {
          quotes++;
          containers++;
        } else {
          int marker = listMarkerEnd(text, i, end);
          if (lead < 0) {
            lead = i;
            leadIndent = indent;
            leadQuotes = quotes;
          }
          if (marker < 0) {
            break;
          }
          containers++;
          i = marker - 1;
        }
        i++;
        if (containers == MAX_QUOTE_DEPTH && keepTo < 0) {
          keepTo = i;
        }
      }
      if (lead < 0) {
        lead = i;
        leadIndent = indent;
        leadQuotes = quotes;
      }
      if (leadIndent > MAX_INDENT || containers > MAX_QUOTE_DEPTH) {
        if (out == null) {
          out = new StringBuilder(text.length());
          out.append(text, 0, start);
        }
        if (firstCut == 0) {
          firstCut = lineNo;
        }
        deepest = Math.max(deepest, Math.max(leadIndent / 2, containers));
        if (containers > MAX_QUOTE_DEPTH) {
          // Keep the first containers, with their spacing squeezed, and the line's text.
          String kept = text.substring(start, keepTo);
          out.append(kept.length() > MAX_INDENT ? kept.replaceAll("[ \t]+", " ") : kept);
          out.append(' ');
        } else {
          out.append(" ".repeat(MAX_INDENT));
          out.append(">".repeat(leadQuotes));
          if (leadQuotes > 0) {
            out.append(' ');
          }
          i = lead;
        }
        out.append(text, i, end);
        if (nl >= 0) {
          out.append('\n');
        }
      } else if (out != null) {
        out.append(text, start, nl < 0 ? end : end + 1);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    if (out == null) {
      return text;
    }
    problems.add(
        Diagnostic.warning(
                Position.of(root.resolve(source), source, firstCut),
                "nesting about "
                    + deepest
                    + " levels deep; flattened below "
                    + MAX_INDENT / 2
                    + " levels")
            .withHint("split the list into sections"));
    return out.toString();
  }
}
