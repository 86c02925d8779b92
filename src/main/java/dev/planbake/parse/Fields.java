package dev.planbake.parse;

import dev.planbake.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline fields of a paragraph line: {@code **Status**: Draft}, {@code __Owner__: x}, several on
 * one line ({@code **Branch**: x | **Date**: y}), or a plain {@code Status: Draft}.
 */
final class Fields {
  private static final Pattern FIELD_BOLD =
      Pattern.compile(
          "^\\s*(?:\\*\\*|__)([^*_:]{1,40}?)(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:)\\s*(.*)$");
  private static final Pattern FIELD_PLAIN =
      Pattern.compile("^\\s*([A-Z][A-Za-z /-]{1,30}):\\s+(\\S.*)$");

  /** Several fields on one line: {@code **Branch**: x | **Date**: y} or without the bars. */
  private static final Pattern FIELD_SPLIT =
      Pattern.compile(
          "\\s+(?:\\|\\s+)?(?=(?:\\*\\*|__)[^*_:]{1,40}?(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:))");

  private Fields() {}

  /** The fields on one line ({@code l}, for their position), in order; none if it has none. */
  static List<Field> read(String text, int l) {
    // Every field has a colon; only bold ones (** or __) split a line or match FIELD_BOLD, and a
    // plain one starts with a capital letter.
    if (text.indexOf(':') < 0) {
      return List.of();
    }
    boolean bold = text.contains("**") || text.contains("__");
    if (!bold) {
      int i = PlainText.skip(text, "");
      if (i == text.length() || text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
        return List.of();
      }
    }
    List<Field> out = new ArrayList<>(1);
    for (String part : bold ? FIELD_SPLIT.split(text) : new String[] {text}) {
      Matcher b = bold ? FIELD_BOLD.matcher(part) : null;
      if (b != null && b.matches()) {
        out.add(new Field(b.group(1).strip(), PlainText.cleanValue(b.group(2)), l));
        continue;
      }
      Matcher p = FIELD_PLAIN.matcher(part);
      if (p.matches()) {
        out.add(new Field(p.group(1).strip(), PlainText.cleanValue(p.group(2)), l));
      }
    }
    return out;
  }
}
