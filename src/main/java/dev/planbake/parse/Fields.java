package dev.planbake.parse;

import dev.planbake.model.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A heading's explicit anchor, "{#plan-metadata}", as some generators write it. */
  private static final Pattern HEADING_ANCHOR = Pattern.compile("\\s*\\{#[^}]*\\}\\s*$");

  /** "Plan Metadata", "Metadata", "Document Info": a section of key/value lines about the plan. */
  private static final Pattern METADATA_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?(?:(?:plan|document|doc|project|spec|task)\\s+)?"
              + "(?:metadata|meta|info|information)");

  /** A list item's marker, and a task box after it. */
  private static final Pattern ITEM_MARKER =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?");

  /** A table row of two or more cells: "| Status | complete (2026-04-27) |". */
  private static final Pattern ROW = Pattern.compile("^\\s*\\|?([^|]+)\\|([^|]*)(?:\\|.*)?$");

  private static final Pattern DELIMITER_ROW = Pattern.compile("^[\\s|:-]+$");

  /**
   * An opening tag alone on its line, as GSD plans write their sections ({@code <objective>},
   * {@code <task type="auto">}); the name is matched again by the closing tag.
   */
  private static final Pattern OPEN_TAG =
      Pattern.compile("^\\s*<([a-z][a-z0-9_-]*)(?:\\s[^>]*)?>\\s*$");

  private static final Pattern CLOSE_TAG = Pattern.compile("</([a-z][a-z0-9_-]*)>");

  /** HTML's own block tags: a {@code <details>} block is Markdown for the reader, not a section. */
  private static final Set<String> HTML_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "center",
          "details",
          "dialog",
          "dd",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "header",
          "html",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul",
          "span",
          "br",
          "hr",
          "img",
          "a",
          "b",
          "i",
          "em",
          "strong",
          "code",
          "sub",
          "sup",
          "kbd",
          "picture",
          "source",
          "video",
          "audio",
          "script",
          "style",
          "iframe",
          "object",
          "embed",
          "template");

  private Fields() {}

  /** A heading without its explicit anchor: "Plan Metadata {#plan-metadata}" is "Plan Metadata". */
  static String withoutAnchor(String heading) {
    return heading.indexOf('{') < 0 ? heading : HEADING_ANCHOR.matcher(heading).replaceFirst("");
  }

  /** Whether a heading names a section of the plan's metadata. */
  static boolean metadataHeading(String heading) {
    return METADATA_HEADING.matcher(withoutAnchor(heading).strip()).matches();
  }

  /** A list item's line without its marker and box ("- [x] Done" is "Done"); others unchanged. */
  static String withoutItemMarker(String line) {
    Matcher item = ITEM_MARKER.matcher(line);
    return item.find() ? line.substring(item.end()) : line;
  }

  /**
   * The bold fields of a list item that is no task ({@code - **Status:** active}), as plans write
   * their metadata in a list right under the title or a unit heading; a plain item ("- Fix: the
   * login bug") is a point of the plan, not a field.
   */
  static List<Field> readBoldItem(String text, int l) {
    Matcher item = ITEM_MARKER.matcher(text);
    if (!item.find() || item.group().contains("[")) {
      return List.of();
    }
    String rest = text.substring(item.end());
    return rest.startsWith("**") || rest.startsWith("__") ? read(rest, l) : List.of();
  }

  /**
   * The fields of a list item ({@code - **Status:** active}) or a table row ({@code | Status |
   * complete |}) in a metadata section.
   */
  static List<Field> readItem(String text, int l) {
    Matcher item = ITEM_MARKER.matcher(text);
    if (item.find()) {
      return read(text.substring(item.end()), l);
    }
    Matcher row = ROW.matcher(text);
    if (row.matches() && !DELIMITER_ROW.matcher(text).matches()) {
      String key = PlainText.cleanValue(row.group(1)).replace("**", "").replace("__", "").strip();
      String value = PlainText.cleanValue(row.group(2)).strip();
      if (!key.isEmpty() && key.length() <= 40 && !value.isEmpty()) {
        return List.of(new Field(key, value, l));
      }
    }
    return List.of();
  }

  /**
   * The lines inside XML-like sections ({@code <objective>} … {@code </objective>}, {@code <task>}
   * … {@code </task>}) of a file, 1-based; HTML's own tags do not count.
   */
  static BitSet tagBlockLines(String[] lines) {
    return tagBlockLines(lines, name -> !HTML_TAGS.contains(name));
  }

  /**
   * The lines inside a GSD plan's {@code <task>} … {@code </task>} blocks, 1-based: instructions to
   * whoever carries the task out, not the plan's checklist.
   */
  static BitSet taskBlockLines(String[] lines) {
    return tagBlockLines(lines, "task"::equals);
  }

  private static BitSet tagBlockLines(
      String[] lines, java.util.function.Predicate<String> sections) {
    // Where each tag closes, so an unclosed tag costs nothing and the scan stays linear.
    Map<String, ArrayDeque<Integer>> closes = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].indexOf("</") >= 0) {
        Matcher c = CLOSE_TAG.matcher(lines[i]);
        while (c.find()) {
          closes.computeIfAbsent(c.group(1), k -> new ArrayDeque<>()).add(i);
        }
      }
    }
    BitSet inside = new BitSet();
    for (int i = 0; i < lines.length; i++) {
      Matcher open = lines[i].indexOf('<') < 0 ? null : OPEN_TAG.matcher(lines[i]);
      if (open == null || !open.matches() || !sections.test(open.group(1))) {
        continue;
      }
      ArrayDeque<Integer> at = closes.get(open.group(1));
      while (at != null && !at.isEmpty() && at.peek() <= i) {
        at.poll();
      }
      if (at != null && !at.isEmpty()) {
        int j = at.poll();
        inside.set(i + 1, j + 2);
        i = j;
      }
    }
    return inside;
  }

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
