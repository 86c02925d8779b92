package dev.planbake.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes "Unit 5.1" in a plan's text a link to that unit's page, for the units the plan refers to
 * (its own units and those its references resolved to). Text inside links, code and headings is
 * left alone: a heading names its own unit, and code is written as it is.
 */
final class UnitMentions {
  private static final Pattern UNIT = Pattern.compile("\\bUnit (\\d+(?:\\.\\d+)*)\\b(?!\\.\\d)");

  private UnitMentions() {}

  /**
   * @param html cleaned HTML
   * @param urls the page of each unit the text may name, by its number ({@code 5.1})
   */
  static String link(String html, Map<String, String> urls) {
    if (urls.isEmpty() || !html.contains("Unit ")) {
      return html;
    }
    StringBuilder out = null;
    int skip = 0;
    int i = 0;
    int copied = 0;
    // The next "Unit " at or after i, found again only once i has passed it: one pass over the
    // page (a backward search from each text's end ran to the page's start where it found none).
    int next = html.indexOf("Unit ");
    while (i < html.length()) {
      int lt = html.indexOf('<', i);
      int textEnd = lt < 0 ? html.length() : lt;
      if (next >= 0 && next < i) {
        next = html.indexOf("Unit ", i);
      }
      if (next < 0) {
        break;
      }
      if (skip == 0 && textEnd > i && next < textEnd) {
        Matcher m = UNIT.matcher(html).region(i, textEnd);
        while (m.find()) {
          String url = urls.get(m.group(1));
          if (url == null) {
            continue;
          }
          if (out == null) {
            out = new StringBuilder(html.length() + 256);
          }
          out.append(html, copied, m.start())
              .append("<a class=\"unit-ref\" href=\"")
              .append(Escape.xml(url))
              .append("\">")
              .append(m.group())
              .append("</a>");
          copied = m.end();
        }
      }
      if (lt < 0) {
        break;
      }
      int gt = html.indexOf('>', lt);
      if (gt < 0) {
        break;
      }
      skip = Math.max(0, skip + change(html, lt, gt));
      i = gt + 1;
    }
    if (out == null) {
      return html;
    }
    return out.append(html, copied, html.length()).toString();
  }

  /** +1 for a tag that opens a region left alone, -1 for one that closes it, else 0. */
  private static int change(String html, int lt, int gt) {
    boolean closing = lt + 1 < gt && html.charAt(lt + 1) == '/';
    int start = closing ? lt + 2 : lt + 1;
    int end = start;
    while (end < gt && Character.isLetterOrDigit(html.charAt(end))) {
      end++;
    }
    String name = html.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    boolean region =
        switch (name) {
          case "a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "summary" -> true;
          default -> false;
        };
    if (!region || html.charAt(gt - 1) == '/') {
      return 0;
    }
    return closing ? -1 : 1;
  }
}
