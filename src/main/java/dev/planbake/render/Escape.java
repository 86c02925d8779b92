package dev.planbake.render;

/** Escaping for the text this package writes by hand (SVG, XML); templates autoescape. */
final class Escape {
  private Escape() {}

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
