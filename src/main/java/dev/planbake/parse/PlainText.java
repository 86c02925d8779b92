package dev.planbake.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Text as the reader's patterns see it: ASCII case folding and {@code \\s} spaces as {@code (?i)}
 * and {@code \\s} define them, heading text without its decoration, field values without their
 * emphasis. Each hand-written function here gives what a pattern would (FastPathsTest compares
 * them) at a fraction of its cost, since they run on every line of every plan.
 */
final class PlainText {
  private PlainText() {}

  static final Pattern TASK_PREFIX = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+\\[[ xX]\\]\\s*");
  private static final Pattern TRAILING_SPACES = Pattern.compile("\\s{2,}$");
  private static final Pattern TRAILING_BACKSLASH = Pattern.compile("\\\\$");
  private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern EMPHASIS_MARKS = Pattern.compile("(\\*\\*|__|`)");

  /**
   * Whether {@code text} contains {@code needle} (lower case ASCII), ignoring the case of ASCII
   * letters only, as the patterns here do: {@code (?i)} without {@code UNICODE_CASE}.
   */
  static boolean containsIgnoreCase(CharSequence text, String needle) {
    int n = needle.length();
    char first = needle.charAt(0);
    char firstUpper = Character.toUpperCase(first);
    if (text instanceof String s) {
      // String.indexOf finds the candidates many times faster than a loop over the characters.
      for (int i = s.indexOf(first); i >= 0; i = s.indexOf(first, i + 1)) {
        if (regionIgnoreCase(s, i, needle)) {
          return true;
        }
      }
      for (int i = firstUpper == first ? -1 : s.indexOf(firstUpper);
          i >= 0;
          i = s.indexOf(firstUpper, i + 1)) {
        if (regionIgnoreCase(s, i, needle)) {
          return true;
        }
      }
      return false;
    }
    outer:
    for (int i = 0, last = text.length() - n; i <= last; i++) {
      char c = text.charAt(i);
      if (c != first && c != firstUpper) {
        continue;
      }
      for (int j = 1; j < n; j++) {
        if (asciiLower(text.charAt(i + j)) != needle.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether {@code text} has {@code word} (lower case ASCII) at {@code at}, ignoring ASCII case.
   */
  static boolean regionIgnoreCase(CharSequence text, int at, String word) {
    if (at < 0 || at + word.length() > text.length()) {
      return false;
    }
    for (int j = 0; j < word.length(); j++) {
      if (asciiLower(text.charAt(at + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** {@code text} with ASCII letters in lower case, as {@code (?i)} patterns compare them. */
  static String asciiLower(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] cs = text.toCharArray();
        for (int j = i; j < cs.length; j++) {
          cs[j] = asciiLower(cs[j]);
        }
        return new String(cs);
      }
    }
    return text;
  }

  static boolean containsAny(String text, List<String> needles) {
    for (String n : needles) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** What {@code \\s} matches: ASCII whitespace only. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The text of a heading as a reader sees it: code kept, raw HTML dropped. */
  static String plainText(Node n) {
    StringBuilder sb = new StringBuilder();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(n);
    while (!todo.isEmpty()) {
      Node c = todo.pop();
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else if (c instanceof org.commonmark.node.SoftLineBreak
          || c instanceof org.commonmark.node.HardLineBreak) {
        sb.append(' ');
      }
      for (Node k = c.getLastChild(); k != null; k = k.getPrevious()) {
        todo.push(k);
      }
    }
    return collapseSpaces(sb).strip();
  }

  /** What {@code replaceAll("\\s+", " ")} gives, without a pattern. */
  static String collapseSpaces(CharSequence s) {
    int n = s.length();
    boolean plain = true;
    for (int i = 0; i < n && plain; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && (c != ' ' || (i + 1 < n && isRegexSpace(s.charAt(i + 1))))) {
        plain = false;
      }
    }
    if (plain) {
      return s.toString();
    }
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c)) {
        out.append(' ');
        while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Heading text without numbering decoration, emphasis or trailing colons. */
  static String stripDecoration(String text) {
    if (hasLineTerminator(text)) {
      // "$" before a final line break: rare enough to leave to the patterns.
      return text.replaceAll("[*_]{2,}", "").replaceAll("\\s*:+\\s*$", "").strip();
    }
    // Runs of two or more * or _ go (single ones stay), then trailing colons with their spaces.
    String t = text;
    if (t.indexOf('*') >= 0 || t.indexOf('_') >= 0) {
      StringBuilder sb = null;
      int n = t.length();
      int i = 0;
      while (i < n) {
        int j = i;
        while (j < n && (t.charAt(j) == '*' || t.charAt(j) == '_')) {
          j++;
        }
        if (j - i >= 2) {
          if (sb == null) {
            sb = new StringBuilder(n);
            sb.append(t, 0, i);
          }
        } else if (j > i) {
          if (sb != null) {
            sb.append(t.charAt(i));
          }
        } else {
          if (sb != null) {
            sb.append(t.charAt(i));
          }
          j = i + 1;
        }
        i = j;
      }
      if (sb != null) {
        t = sb.toString();
      }
    }
    int end = t.length();
    while (end > 0 && isRegexSpace(t.charAt(end - 1))) {
      end--;
    }
    int colons = end;
    while (colons > 0 && t.charAt(colons - 1) == ':') {
      colons--;
    }
    if (colons < end) {
      while (colons > 0 && isRegexSpace(t.charAt(colons - 1))) {
        colons--;
      }
      t = t.substring(0, colons);
    }
    return t.strip();
  }

  private static boolean hasLineTerminator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * Where {@link #TASK_PREFIX} ends on {@code text} (0 if it does not match): spaces, a list
   * marker, spaces, a box, spaces.
   */
  static int taskPrefixEnd(String text) {
    int n = text.length();
    int i = skip(text, "");
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '*' || text.charAt(i) == '+')) {
      i++;
    } else {
      int digits = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i == digits || i >= n || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
        return 0;
      }
      i++;
    }
    int spaces = i;
    while (i < n && isRegexSpace(text.charAt(i))) {
      i++;
    }
    if (i == spaces
        || i + 2 >= n
        || text.charAt(i) != '['
        || " xX".indexOf(text.charAt(i + 1)) < 0
        || text.charAt(i + 2) != ']') {
      return 0;
    }
    i += 3;
    while (i < n && isRegexSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A field's value as plain text: no trailing break markers, emphasis, backticks or link syntax.
   */
  static String cleanValue(String v) {
    // Each pattern runs only if the value has what it needs: a space or line break at the end, a
    // backslash, "](", or "**", "__" or a backtick.
    String s = v;
    if (!s.isEmpty() && (isRegexSpace(s.charAt(s.length() - 1)) || hasLineTerminator(s))) {
      s = TRAILING_SPACES.matcher(s).replaceAll("");
    }
    if (s.indexOf('\\') >= 0) {
      s = TRAILING_BACKSLASH.matcher(s).replaceFirst("");
    }
    s = s.strip();
    if (s.contains("](")) {
      s = INLINE_LINK.matcher(s).replaceAll("$1");
    }
    if (s.contains("**") || s.contains("__") || s.indexOf('`') >= 0) {
      s = EMPHASIS_MARKS.matcher(s).replaceAll("");
    }
    return s.strip();
  }

  /** What {@code \\w} matches: ASCII letters, digits and the underscore. */
  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * The index of the first character of {@code text} that is neither {@code \\s} nor in {@code
   * chars}.
   */
  static int skip(String text, String chars) {
    int i = 0;
    while (i < text.length()
        && (isRegexSpace(text.charAt(i)) || chars.indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  /**
   * Whether {@code word} (lower case ASCII) follows the leading whitespace and {@code chars} of
   * {@code text}, ignoring ASCII case.
   */
  static boolean startsAfter(String text, String chars, String word) {
    return regionIgnoreCase(text, skip(text, chars), word);
  }
}
