package dev.planbake.render;

import dev.planbake.model.Html;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a plan's rendered Markdown safe and at home in the site: raw HTML is cleaned with a
 * documented safelist (unless the plans are trusted), links to other plans point at their pages,
 * links that lead nowhere in the site become plain text, and heading ids are made unique per page.
 */
final class BodyHtml {
  /**
   * Formatting, lists, tables, code, images (http(s) or relative), {@code details/summary}, and the
   * disabled checkboxes of task lists; no scripts, styles, forms, frames or event handlers.
   */
  static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("details", "summary", "del", "s", "hr", "span", "input", "kbd", "mark", "abbr")
          .addAttributes("h1", "id")
          .addAttributes("h2", "id")
          .addAttributes("h3", "id")
          .addAttributes("h4", "id")
          .addAttributes("h5", "id")
          .addAttributes("h6", "id")
          .addAttributes("code", "class")
          .addAttributes("td", "align")
          .addAttributes("th", "align")
          .addAttributes("details", "open")
          .addAttributes("input", "type", "checked", "disabled")
          .addAttributes("abbr", "title")
          .addProtocols("img", "src", "data")
          .preserveRelativeLinks(true);

  private static final String BASE = "https://planbake.invalid/";

  private final boolean trusted;
  private final Map<String, String> pageBySource;

  /**
   * Cleaned bodies by the identity of the Markdown's HTML: a plan that was not parsed again keeps
   * its HTML object, so in {@code serve} a page re-rendered because a neighbour changed skips
   * jsoup. Valid while the plans (and so the link targets) stay the same set.
   */
  private final Map<Html, String> cache = Collections.synchronizedMap(new IdentityHashMap<>());

  /** Off for one-shot builds, which render each body once. */
  private volatile boolean remember;

  /**
   * @param pageBySource site path of the page of each plan file and feature folder, by its path
   *     relative to the plans folder
   */
  BodyHtml(boolean trusted, Map<String, String> pageBySource) {
    this.trusted = trusted;
    this.pageBySource = pageBySource;
  }

  /**
   * @param source the file the HTML came from, to resolve its relative links
   * @param idPrefix the anchor prefix the parser gave this file's headings ("" for a plan's main
   *     file), for links to {@code #anchors} within it
   * @param root the way from the page to the site root ({@code ../../})
   */
  String clean(Html html, String source, String idPrefix, String root) {
    String hit = cache.get(html);
    if (hit != null) {
      return hit;
    }
    String cleaned = cleanNow(html.text(), source, idPrefix, root);
    if (remember) {
      cache.put(html, cleaned);
    }
    return cleaned;
  }

  void remember(boolean on) {
    remember = on;
  }

  /** Forgets bodies of documents no longer in the site, so the cache never outgrows it. */
  void retain(Set<Object> currentHtml) {
    synchronized (cache) {
      cache.keySet().retainAll(currentHtml);
    }
  }

  /** Whether this cleaner rewrites links the same way for {@code pages}. */
  boolean sameTargets(boolean trusted, Map<String, String> pages) {
    return this.trusted == trusted && pageBySource.equals(pages);
  }

  private String cleanNow(String html, String source, String idPrefix, String root) {
    Document dirty = Jsoup.parseBodyFragment(html, BASE);
    Document doc = trusted ? dirty : new Cleaner(SAFELIST).clean(dirty);
    doc.outputSettings().prettyPrint(false);
    Element body = doc.body();
    Element first = body.firstElementChild();
    if (first != null && first.tagName().equals("h1")) {
      first.remove();
    }
    int last = 1;
    for (Element h : body.select("h1,h2,h3,h4,h5,h6")) {
      // The page has its own h1; a plan that jumps from ## to #### would skip a level, which
      // breaks the outline screen readers navigate by.
      int level = Math.min(Math.max(2, h.tagName().charAt(1) - '0'), last + 1);
      h.tagName("h" + level);
      last = level;
    }
    for (Element a : body.select("a[href]")) {
      link(a, source, idPrefix, root);
    }
    for (Element img : body.select("img")) {
      String src = img.attr("src").strip().toLowerCase(Locale.ROOT);
      boolean remote = src.startsWith("https://") || src.startsWith("http://");
      if (!remote && !src.startsWith("data:image/")) {
        // Images beside the plans are not published (yet): show what the image is of.
        Element alt = new Element("span").addClass("missing-image").text(img.attr("alt"));
        img.replaceWith(alt);
      }
    }
    for (Element cell : body.select("td[align],th[align]")) {
      // `align` is obsolete in HTML5; a class keeps the alignment.
      cell.addClass("align-" + cell.attr("align").toLowerCase(Locale.ROOT));
      cell.removeAttr("align");
    }
    for (Element block : body.select("pre, table")) {
      // Code blocks and wide tables scroll sideways on small screens; keyboard users can only
      // scroll what they can focus.
      block.attr("tabindex", "0");
    }
    for (Element box : body.select("input")) {
      // A drawn box instead of a disabled form control: readable in both themes, and no form
      // element without a label for assistive technology.
      boolean checked = box.hasAttr("checked");
      Element mark = new Element("span");
      mark.addClass("task-box").addClass(checked ? "task-done" : "task-open");
      mark.attr("role", "img").attr("aria-label", checked ? "done" : "not done");
      mark.text(checked ? "✓" : "");
      box.replaceWith(mark);
      if (mark.parent() != null && mark.parent().tagName().equals("li")) {
        mark.parent().addClass("task");
      }
    }
    return body.html();
  }

  private void link(Element a, String source, String idPrefix, String root) {
    String href = a.attr("href").strip();
    String lower = href.toLowerCase(Locale.ROOT);
    if (href.startsWith("#")) {
      if (!idPrefix.isEmpty()) {
        a.attr("href", "#" + idPrefix + href.substring(1));
      }
      return;
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || href.startsWith("//")) {
      return;
    }
    String path = href.replaceFirst("[#?].*$", "");
    String fragment = href.contains("#") ? href.substring(href.indexOf('#')) : "";
    String dir = source.contains("/") ? source.substring(0, source.lastIndexOf('/')) : "";
    String target =
        normalize(
            path.startsWith("/") ? path.substring(1) : (dir.isEmpty() ? path : dir + "/" + path));
    String page = target == null ? null : pageBySource.get(target.replaceFirst("/$", ""));
    if (page != null) {
      a.attr("href", root + page + fragment);
      return;
    }
    // Not part of the site: keep the words, drop a link that would lead nowhere.
    a.tagName("span").removeAttr("href").addClass("offsite-link").attr("title", href);
  }

  /**
   * Percent-decodes one path segment; a stray {@code %} ({@code 100%.md}, {@code j%avascript:}) is
   * kept as written instead of failing the page (found by PlanFuzzTest).
   */
  private static String decode(String segment) {
    try {
      return java.net.URLDecoder.decode(
          segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(decode(p));
      }
    }
    return String.join("/", parts);
  }
}
