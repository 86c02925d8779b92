package dev.planbake.parse;

import dev.planbake.model.Document;
import java.util.List;
import java.util.Set;

/**
 * How deep a file's raw HTML nests, counted before jsoup sees it: jsoup's cleaner takes time in the
 * depth of each element it copies, so thousands of unclosed {@code <b>}, {@code <div>} or {@code
 * <ul><li>} took minutes (issue 24). A file whose HTML nests deeper than {@link #MAX_DEPTH} has its
 * HTML shown as text instead.
 *
 * <p>The count is an upper bound of what a browser would build: every start tag opens an element
 * and every end tag closes one, except void elements ({@code <br>}), self-closed tags and elements
 * whose end tag HTML lets an author leave out ({@code <p>}, {@code <li>}, {@code <td>}); comments
 * are skipped.
 */
final class HtmlDepth {
  /** Far deeper than any plan's HTML: {@code <details>} in a {@code <div>} in a table cell. */
  static final int MAX_DEPTH = 100;

  private static final Set<String> NOT_NESTING =
      Set.of(
          // void elements
          "area",
          "base",
          "br",
          "col",
          "embed",
          "hr",
          "img",
          "input",
          "link",
          "meta",
          "param",
          "source",
          "track",
          "wbr",
          // end tag optional
          "li",
          "dt",
          "dd",
          "p",
          "rt",
          "rp",
          "optgroup",
          "option",
          "colgroup",
          "caption",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "html",
          "head",
          "body");

  private HtmlDepth() {}

  /** The line of the first element nested deeper than {@link #MAX_DEPTH}, or 0 if none is. */
  static int tooDeepAt(List<Document.RawHtml> fragments) {
    int depth = 0;
    for (Document.RawHtml fragment : fragments) {
      String html = fragment.html();
      int n = html.length();
      int i = html.indexOf('<');
      while (i >= 0 && i + 1 < n) {
        char next = html.charAt(i + 1);
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          if (end < 0) {
            break;
          }
          i = html.indexOf('<', end + 3);
          continue;
        }
        int nameEnd = i + (next == '/' ? 2 : 1);
        int nameStart = nameEnd;
        while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd > nameStart && Character.isLetter(html.charAt(nameStart))) {
          String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
          if (next == '/') {
            if (!NOT_NESTING.contains(name)) {
              depth = Math.max(0, depth - 1);
            }
          } else if (!NOT_NESTING.contains(name) && !selfClosed(html, nameEnd)) {
            depth++;
            if (depth > MAX_DEPTH) {
              return fragment.line();
            }
          }
        }
        i = html.indexOf('<', Math.max(nameEnd, i + 1));
      }
    }
    return 0;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == ':';
  }

  /**
   * Whether the tag whose name ends at {@code from} ends with {@code />}; it looks no further than
   * the next {@code <}, so that every character is read a bounded number of times.
   */
  private static boolean selfClosed(String html, int from) {
    for (int j = from; j < html.length(); j++) {
      char c = html.charAt(j);
      if (c == '>') {
        return j > from && html.charAt(j - 1) == '/';
      }
      if (c == '<') {
        return false;
      }
    }
    return false;
  }
}
