package dev.planbake.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts each unit's header (status, progress, owner, what it depends on and enables) right under its
 * heading in the text of a file with several units, where the unit's permalink lands.
 */
final class UnitSections {
  private UnitSections() {}

  /** The text with the headers in place, and the units whose heading was not found. */
  record Placed(String html, List<View.Detail> unplaced) {}

  /**
   * @param html the file's cleaned HTML, whose headings carry the units' anchors as ids
   * @param header renders one unit's header
   */
  static Placed place(String html, List<View.Detail> units, Function<View.Detail, String> header) {
    StringBuilder out = new StringBuilder(html.length() + 4096 * units.size());
    List<View.Detail> unplaced = new ArrayList<>();
    int from = 0;
    for (View.Detail d : units) {
      int at = d.anchor().isEmpty() ? -1 : html.indexOf(" id=\"" + d.anchor() + "\"", from);
      int open = at < 0 ? -1 : html.lastIndexOf("<h", at);
      int close = at < 0 ? -1 : html.indexOf("</h", at);
      int end = close < 0 ? -1 : html.indexOf('>', close);
      if (open < 0 || end < 0) {
        unplaced.add(d);
        continue;
      }
      out.append(html, from, end + 1);
      out.append(header.apply(d));
      from = end + 1;
    }
    out.append(html, from, html.length());
    return new Placed(out.toString(), unplaced);
  }

  /** The context of one header: the page's, with the unit. */
  static Map<String, Object> context(Map<String, Object> page, View.Detail d) {
    Map<String, Object> ctx = new java.util.HashMap<>(page);
    ctx.put("u", d);
    return ctx;
  }
}
