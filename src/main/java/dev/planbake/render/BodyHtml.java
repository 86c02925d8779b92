package dev.planbake.render;

import dev.planbake.model.Document;
import dev.planbake.model.Html;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
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
  private static final String LINK_START = "<a href=\"";
  private static final java.util.regex.Pattern QUERY_AND_FRAGMENT =
      java.util.regex.Pattern.compile("[#?].*$");
  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^[a-z][a-z0-9+.-]*:.*", java.util.regex.Pattern.DOTALL);

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
   * @param doc the document, whose file resolves relative links
   * @param idPrefix the anchor prefix the parser gave this file's headings ("" for a plan's main
   *     file), for links to {@code #anchors} within it
   * @param root the way from the page to the site root ({@code ../../})
   */
  String clean(Document doc, String idPrefix, String root) {
    Html html = doc.body();
    String hit = cache.get(html);
    if (hit != null) {
      return hit;
    }
    // The parser renders a document without raw HTML in its page's shape already: only its links
    // are left to point at their pages. Raw HTML goes through jsoup.
    String cleaned =
        doc.rawHtml().isEmpty()
            ? linksOnly(html.text(), doc.source(), idPrefix, root)
            : cleanNow(html.text(), doc.source(), idPrefix, root);
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

  /**
   * The page each plans-folder file (and each feature folder) is shown on, for links between plans:
   * what a cleaner is made with.
   */
  static Map<String, String> targets(Repository repo, PagePaths paths) {
    Map<String, String> pageBySource = new HashMap<>();
    for (Plan p : repo.plans()) {
      String dir = paths.of(p).dir();
      for (String f : p.files()) {
        pageBySource.put(f, dir);
      }
      if (p.files().size() > 1) {
        pageBySource.put(p.source().substring(0, p.source().lastIndexOf('/')), dir);
      }
    }
    return pageBySource;
  }

  /** Whether this cleaner rewrites links the same way for {@code pages}. */
  boolean sameTargets(boolean trusted, Map<String, String> pages) {
    return this.trusted == trusted && pageBySource.equals(pages);
  }

  private String cleanNow(String html, String source, String idPrefix, String root) {
    org.jsoup.nodes.Document dirty = Jsoup.parseBodyFragment(html, BASE);
    org.jsoup.nodes.Document doc = trusted ? dirty : new Cleaner(SAFELIST).clean(dirty);
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
    String href = a.attr("href");
    String target = target(href, source, idPrefix, root);
    if (target != null) {
      a.attr("href", target);
    } else {
      // Not part of the site: keep the words, drop a link that would lead nowhere.
      a.tagName("span").removeAttr("href").addClass("offsite-link").attr("title", href.strip());
    }
  }

  /**
   * Where a link of a plan file leads in the site: {@code href} itself for web links, the page of a
   * plan file it names, an anchor of this page; null when it leads nowhere in the site.
   */
  private String target(String rawHref, String source, String idPrefix, String root) {
    String href = rawHref.strip();
    String lower = href.toLowerCase(Locale.ROOT);
    if (href.startsWith("#")) {
      return idPrefix.isEmpty() ? href : "#" + idPrefix + href.substring(1);
    }
    if (SCHEME.matcher(lower).matches() || href.startsWith("//")) {
      return href;
    }
    String path = QUERY_AND_FRAGMENT.matcher(href).replaceFirst("");
    String fragment = href.contains("#") ? href.substring(href.indexOf('#')) : "";
    String dir = source.contains("/") ? source.substring(0, source.lastIndexOf('/')) : "";
    String target =
        normalize(
            path.startsWith("/") ? path.substring(1) : (dir.isEmpty() ? path : dir + "/" + path));
    String page =
        target == null
            ? null
            : pageBySource.get(
                target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
    return page == null ? null : root + page + fragment;
  }

  /**
   * The links of HTML the parser rendered from Markdown without raw HTML, pointed at their pages.
   * In such HTML every {@code <} of text is escaped, so {@code <a href="} starts a link and the
   * next {@code </a>} ends it (links do not nest). Only http(s), ftp and mailto links leave the
   * site, as jsoup's safelist allows; a link with another scheme keeps its words only.
   */
  private String linksOnly(String html, String source, String idPrefix, String root) {
    int at = html.indexOf(LINK_START);
    if (at < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length() + 64);
    int from = 0;
    while (at >= 0) {
      int valueStart = at + LINK_START.length();
      int valueEnd = html.indexOf('"', valueStart);
      int tagEnd = html.indexOf('>', valueEnd);
      int close = html.indexOf("</a>", tagEnd);
      if (valueEnd < 0 || tagEnd < 0 || close < 0) {
        break;
      }
      out.append(html, from, at);
      String href = unescape(html.substring(valueStart, valueEnd));
      String rest = html.substring(valueEnd + 1, tagEnd); // other attributes: ` title="..."`
      boolean allowed = allowedScheme(href);
      String target = allowed ? target(href, source, idPrefix, root) : null;
      if (!allowed) {
        out.append("<a").append(rest).append('>');
        out.append(html, tagEnd + 1, close + 4);
      } else if (target != null) {
        out.append(LINK_START).append(Escape.xml(target)).append('"').append(rest).append('>');
        out.append(html, tagEnd + 1, close + 4);
      } else {
        // As jsoup did: the title becomes the address (commonmark writes no other attribute).
        out.append("<span class=\"offsite-link\" title=\"").append(Escape.xml(href.strip()));
        out.append("\">").append(html, tagEnd + 1, close).append("</span>");
      }
      from = close + 4;
      at = html.indexOf(LINK_START, from);
    }
    out.append(html, from, html.length());
    return out.toString();
  }

  private static boolean allowedScheme(String href) {
    String lower = href.strip().toLowerCase(Locale.ROOT);
    if (!SCHEME.matcher(lower).matches()) {
      return true;
    }
    return lower.startsWith("http:")
        || lower.startsWith("https:")
        || lower.startsWith("ftp:")
        || lower.startsWith("mailto:");
  }

  /** The four references commonmark writes in attribute values. */
  private static String unescape(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    return value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
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
