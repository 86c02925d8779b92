package dev.planbake.render;

/**
 * Escaping of text for HTML and XML: what the package writes by hand (SVG, XML) and what templates
 * print (Pebble's "html" strategy). Markup characters become references, characters beyond Latin-1
 * numeric references (so a page stays one byte per character while it is built), and control
 * characters, which XML 1.0 forbids, are dropped.
 */
final class Escape {
  private Escape() {}

  static String xml(String s) {
    int i = 0;
    while (i < s.length() && plain(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append("&#").append(Character.toCodePoint(c, s.charAt(++i))).append(';');
          } else if (Character.isSurrogate(c)) {
            sb.append("&#65533;"); // half a pair: a reference to it alone would be an error
          } else if (c > 0xFF) {
            sb.append("&#").append((int) c).append(';');
          } else if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A character written as it is. */
  private static boolean plain(char c) {
    return c >= 0x20
        ? c <= 0xFF && c != '<' && c != '>' && c != '&' && c != '"' && c != '\''
        : c == '\n' || c == '\t';
  }
}
