package dev.planbake.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Everything a build needs to know, with every default in one place ({@link #defaults()}).
 *
 * @param title the site title shown in the header and page titles
 * @param baseUrl absolute URL the site is published at ("" if unknown): canonical links, sitemap
 * @param plans the plans folders, read in this order
 * @param out the output folder
 * @param theme a folder whose files override the default theme's (null for none)
 * @param editUrl URL prefix for "edit this page" links, to which the plan's path relative to the
 *     config file's folder is appended ("" for none)
 * @param ignore globs (relative to a plans folder) of files to skip
 * @param trustHtml keep raw HTML in plans as written instead of sanitising it
 * @param maxFileBytes files larger than this are reported and skipped
 * @param base the folder paths in the config are relative to, and edit links start from
 */
public record Settings(
    String title,
    String baseUrl,
    List<Path> plans,
    Path out,
    Path theme,
    String editUrl,
    List<String> ignore,
    boolean trustHtml,
    long maxFileBytes,
    Path base) {

  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

  public Settings {
    plans = List.copyOf(plans);
    ignore = List.copyOf(ignore);
  }

  public static Settings defaults() {
    return new Settings(
        "Plans",
        "",
        List.of(Path.of("content", "plans")),
        Path.of("public"),
        null,
        "",
        List.of(),
        false,
        DEFAULT_MAX_FILE_BYTES,
        Path.of(""));
  }

  public Settings withPlans(List<Path> p) {
    return new Settings(
        title, baseUrl, p, out, theme, editUrl, ignore, trustHtml, maxFileBytes, base);
  }

  public Settings withOut(Path o) {
    return new Settings(
        title, baseUrl, plans, o, theme, editUrl, ignore, trustHtml, maxFileBytes, base);
  }

  public Settings withTheme(Path t) {
    return new Settings(
        title, baseUrl, plans, out, t, editUrl, ignore, trustHtml, maxFileBytes, base);
  }

  /**
   * Whether {@code url} can be the site's published address (canonical links, the sitemap) or the
   * start of its "edit this plan" links: an absolute http(s) URL, or "" for none.
   */
  public static boolean isWebAddress(String url) {
    if (url.isEmpty()) {
      return true;
    }
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  public Settings withBaseUrl(String u) {
    return new Settings(
        title, u, plans, out, theme, editUrl, ignore, trustHtml, maxFileBytes, base);
  }

  public Settings withTitle(String t) {
    return new Settings(
        t, baseUrl, plans, out, theme, editUrl, ignore, trustHtml, maxFileBytes, base);
  }

  public Settings withTrustHtml(boolean t) {
    return new Settings(title, baseUrl, plans, out, theme, editUrl, ignore, t, maxFileBytes, base);
  }

  public Settings withIgnore(List<String> i) {
    return new Settings(
        title, baseUrl, plans, out, theme, editUrl, i, trustHtml, maxFileBytes, base);
  }

  public Settings withEditUrl(String u) {
    return new Settings(
        title, baseUrl, plans, out, theme, u, ignore, trustHtml, maxFileBytes, base);
  }

  public Settings withBase(Path b) {
    return new Settings(
        title, baseUrl, plans, out, theme, editUrl, ignore, trustHtml, maxFileBytes, b);
  }

  public Settings withMaxFileBytes(long m) {
    return new Settings(title, baseUrl, plans, out, theme, editUrl, ignore, trustHtml, m, base);
  }
}
