package dev.planbake.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every internal link and {@code #anchor} of a built site (in memory or in its output
 * folder) and lists those that lead nowhere. {@code check --links} and the site tests use this one
 * implementation.
 */
public final class LinkCheck {
  /** How the checker reads the site: the bytes of a file by its path, or null if there is none. */
  @FunctionalInterface
  public interface Files {
    byte[] read(String path) throws IOException;
  }

  /**
   * A link that leads nowhere.
   *
   * @param page the page it is on, relative to the site root
   * @param url the link as written in the page
   * @param target the site path it leads to ("" if it leaves the site or cannot be read)
   * @param fragment its {@code #anchor} without the hash ("" if none)
   * @param problem what is wrong, in words
   */
  public record Broken(String page, String url, String target, String fragment, String problem) {
    @Override
    public String toString() {
      return page + ": " + url + " (" + problem + ")";
    }
  }

  private final Files files;
  private final Map<String, Set<String>> ids = new HashMap<>();

  public LinkCheck(Files files) {
    this.files = files;
  }

  /** A checker over pages in memory, by their site paths. */
  public static LinkCheck of(Map<String, Page> pages) {
    return new LinkCheck(
        path -> {
          Page p = pages.get(path);
          return p == null ? null : p.bytes();
        });
  }

  /** Every broken link of the given HTML pages, in page order. */
  public List<Broken> broken(List<String> pages) {
    List<Broken> broken = new ArrayList<>();
    for (String page : pages) {
      byte[] bytes = read(page);
      if (bytes == null) {
        continue;
      }
      Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
      for (Element e : doc.select("a[href], link[href], img[src], script[src], meta[content]")) {
        String url;
        if (e.normalName().equals("meta")) {
          if (!e.attr("http-equiv").equalsIgnoreCase("refresh")) {
            continue;
          }
          url = e.attr("content").replaceFirst("(?i)^\\s*\\d+\\s*;\\s*url=", "").strip();
        } else {
          url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        }
        Broken b = check(page, url);
        if (b != null) {
          broken.add(b);
        }
      }
    }
    return broken;
  }

  /** Every broken link of every HTML page among {@code paths}. */
  public List<Broken> brokenInHtml(List<String> paths) {
    return broken(paths.stream().filter(p -> p.endsWith(".html")).sorted().toList());
  }

  private Broken check(String page, String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (url.isEmpty() || lower.matches("^[a-z][a-z0-9+.-]*:.*") || url.startsWith("//")) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return new Broken(page, url, "", "", "malformed URL");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String fragment = uri.getFragment() == null ? "" : uri.getFragment();
    String target;
    if (path.isEmpty()) {
      target = page;
    } else {
      String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
      target = normalize(path.startsWith("/") ? path.substring(1) : dir + path);
      if (target == null) {
        return new Broken(page, url, "", fragment, "leads out of the site");
      }
    }
    String file = resolve(target);
    if (file == null) {
      return new Broken(page, url, target, fragment, "no such page");
    }
    if (!fragment.isEmpty() && file.endsWith(".html") && !idsOf(file).contains(fragment)) {
      return new Broken(page, url, file, fragment, "no element with id `" + fragment + "`");
    }
    return null;
  }

  /** The file a site path names: itself, or the index.html of the folder it names. */
  private String resolve(String target) {
    if (!target.isEmpty() && !target.endsWith("/") && read(target) != null) {
      return target;
    }
    String index =
        (target.isEmpty() || target.endsWith("/") ? target : target + "/") + "index.html";
    return read(index) != null ? index : null;
  }

  private Set<String> idsOf(String page) {
    return ids.computeIfAbsent(
        page,
        p -> {
          Set<String> known = new HashSet<>();
          byte[] bytes = read(p);
          for (Element e : Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).select("[id]")) {
            known.add(e.id());
          }
          return known;
        });
  }

  private byte[] read(String path) {
    try {
      return files.read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path with {@code .} and {@code ..} resolved, or null if it climbs above the root. */
  private static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    String[] split = path.split("/", -1);
    for (int i = 0; i < split.length; i++) {
      String p = split[i];
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else if (!p.equals(".") && (!p.isEmpty() || i == split.length - 1)) {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
