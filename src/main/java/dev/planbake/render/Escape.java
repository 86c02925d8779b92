package dev.planbake.render;

/** Escaping for the text this package writes by hand (SVG, XML); templates autoescape. */
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
          // Control characters are not allowed in XML 1.0; beyond Latin-1 a reference keeps the
          // page one byte per character.
          if (c > 0xFF) {
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
