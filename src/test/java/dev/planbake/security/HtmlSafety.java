package dev.planbake.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What makes a built page unsafe: a script element that is not one of the theme's own assets, an
 * event handler attribute, a script or inline-document URL, an element that loads or runs active
 * content. Shared by the XSS test and the fuzz test.
 */
final class HtmlSafety {
  private HtmlSafety() {}

  /** Attributes whose value a browser follows or runs as a URL. */
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "background",
          "poster",
          "xlink:href",
          "data",
          "cite",
          "srcset",
          "lowsrc",
          "dynsrc",
          "longdesc",
          "usemap",
          "manifest",
          "codebase");

  /** Control characters and spaces that browsers skip inside a URL scheme. */
  private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\x00-\\x20]");

  /** Elements that run code or load documents; the theme uses none of them in HTML pages. */
  private static final Set<String> ACTIVE =
      Set.of(
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "base",
          "form",
          "bgsound",
          "isindex",
          "xss",
          "math",
          "svg");

  static List<String> problems(String where, Document doc, boolean svg) {
    List<String> found = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("script")) {
        String src = e.attr("src");
        String file = src.substring(src.lastIndexOf('/') + 1);
        boolean themeAsset =
            e.data().isBlank()
                && src.matches("(\\./|/|(\\.\\./)*)assets/[a-z.-]+\\.js")
                && (Files.isRegularFile(Path.of("site-theme/assets", file))
                    || file.equals("fuse.min.js"));
        // The search index is data the build writes with a JSON generator, not theme code.
        boolean searchIndex =
            e.data().isBlank() && src.matches("(\\./|/|(\\.\\./)*)search/index\\.js");
        if (!themeAsset && !searchIndex) {
          found.add(where + ": <script> " + e.outerHtml());
        }
      }
      if (ACTIVE.contains(tag) && !svg && !themeOwn(e)) {
        found.add(where + ": <" + tag + ">");
      }
      if (tag.equals("meta") && e.hasAttr("http-equiv")) {
        String content = e.attr("content").toLowerCase(Locale.ROOT);
        if (!e.attr("http-equiv").equalsIgnoreCase("refresh")
            || scriptUrl(content.replaceFirst("^.*?url=", ""))) {
          found.add(where + ": " + e.outerHtml());
        }
      }
      if (tag.equals("link")
          && !e.attr("href")
              .matches("(\\.\\./)*(assets/[a-z-]+\\.(css|svg)|[^:]*)|https?://\\S*")) {
        found.add(where + ": " + e.outerHtml());
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue();
        if (name.startsWith("on")) {
          found.add(where + ": handler " + name + " on <" + tag + ">");
        }
        if (name.equals("style")
            && value
                .toLowerCase(Locale.ROOT)
                .matches("(?s).*(expression|javascript|url\\(|behavior|binding).*")) {
          found.add(where + ": style " + value);
        }
        if (URL_ATTRIBUTES.contains(name) && scriptUrl(value)) {
          boolean dataImage =
              tag.equals("img") && name.equals("src") && value.strip().startsWith("data:image/");
          if (!dataImage) {
            found.add(where + ": " + name + "=" + value + " on <" + tag + ">");
          }
        }
      }
    }
    return found;
  }

  /**
   * The theme's own search form (a GET to the site's search page) and the build's own SVG figures
   * (the graph, the neighbourhood, the legend), whose text the graph tests check is escaped.
   */
  private static boolean themeOwn(Element e) {
    return switch (e.normalName()) {
      case "form" ->
          e.attr("role").equals("search")
              && e.attr("method").equals("get")
              && e.attr("action").matches("(\\./|/|(\\.\\./)*)(search/)?")
              && e.select("input[type=hidden], button[formaction]").isEmpty();
      case "svg" -> e.hasClass("graph") || e.hasClass("neighbourhood");
      default -> false;
    };
  }

  /** Whether a browser would treat the URL as script or as an inline document. */
  static boolean scriptUrl(String url) {
    String s = IGNORED_IN_SCHEME.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
    return s.startsWith("javascript:")
        || s.startsWith("vbscript:")
        || s.startsWith("data:")
        || s.startsWith("livescript:");
  }
}
