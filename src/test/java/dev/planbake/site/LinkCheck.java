package dev.planbake.site;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Follows every internal link and #anchor of a built site and lists those that lead nowhere. */
final class LinkCheck {
  private final Path root;
  private final Map<Path, Set<String>> ids = new HashMap<>();

  LinkCheck(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  List<String> broken(List<Path> pages) throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
        String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        String problem = check(page, url);
        if (problem != null) {
          broken.add(root.relativize(page) + ": " + url + " (" + problem + ")");
        }
      }
    }
    return broken;
  }

  private String check(Path page, String url) throws IOException {
    if (url.isEmpty() || url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//")) {
      return null;
    }
    URI uri = URI.create(url.replace(" ", "%20"));
    String path = uri.getPath() == null ? "" : uri.getPath();
    Path target;
    if (path.isEmpty()) {
      target = page;
    } else if (path.startsWith("/")) {
      target = root.resolve(path.substring(1)).normalize();
    } else {
      target = page.getParent().resolve(path).normalize();
    }
    if (!target.startsWith(root)) {
      return "leaves the site";
    }
    if (Files.isDirectory(target)) {
      target = target.resolve("index.html");
    }
    if (!Files.isRegularFile(target)) {
      return "no such file";
    }
    String fragment = uri.getFragment();
    if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
      if (!idsOf(target).contains(fragment)) {
        return "no element with id " + fragment;
      }
    }
    return null;
  }

  private Set<String> idsOf(Path page) throws IOException {
    Set<String> known = ids.get(page);
    if (known == null) {
      known = new HashSet<>();
      for (Element e : Jsoup.parse(page.toFile(), "UTF-8").select("[id]")) {
        known.add(e.id());
      }
      ids.put(page, known);
    }
    return known;
  }
}
