package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * A document without raw HTML is rendered by the parser straight into its page's shape, and the
 * renderer only points its links at their pages; that must give the same page as commonmark's plain
 * HTML cleaned and shaped by jsoup, which documents with raw HTML still go through. Compared node
 * by node (attribute order, {@code &quot;} in text and {@code <hr />} differ in bytes only) over
 * the edge cases in {@code src/test/resources/shaped/}, the fixture plans, the demo content, the
 * seeds and the real corpus.
 */
class ShapedHtmlTest {
  private static final Path SHARED = Path.of("..", "shared");

  @Test
  void shapedHtmlWithLinksRewrittenEqualsCleanedHtml() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path root :
        List.of(
            Path.of("src/test/resources"),
            Path.of("content/plans"),
            SHARED.resolve("seeds"),
            SHARED.resolve("corpus/real"))) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    Map<String, String> pages = new HashMap<>();
    for (Path f : files) {
      pages.put(f.toString().replace('\\', '/'), "plans/" + f.getFileName() + "/");
    }
    BodyHtml body = new BodyHtml(false, pages);
    Method cleanNow =
        method(BodyHtml.class, "cleanNow", String.class, String.class, String.class, String.class);
    Method linksOnly =
        method(BodyHtml.class, "linksOnly", String.class, String.class, String.class, String.class);
    Class<?> markdown = Class.forName("dev.planbake.parse.Markdown");
    Method parse = method(markdown, "parse", String.class);
    Method cap =
        method(
            Class.forName("dev.planbake.parse.Nesting"),
            "cap",
            String.class,
            Path.class,
            String.class,
            List.class);
    Method plain = method(markdown, "render", Node.class, Map.class);
    Method shaped = method(markdown, "renderPage", Node.class, Map.class);
    int compared = 0;
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f);
      } catch (MalformedInputException e) {
        continue; // not UTF-8: the scanner's business, not this test's
      }
      String source = f.toString().replace('\\', '/');
      // As the reader does: nesting is flattened before parsing (deeper than jsoup's 512 levels,
      // the 2,000-deep fault list would be cut by jsoup alone).
      text = (String) cap.invoke(null, text, Path.of("."), source, new ArrayList<>());
      if (hasRawHtml(text, parse)) {
        continue;
      }
      String commonmark = (String) plain.invoke(null, doc(parse, text), Map.of());
      String page = (String) shaped.invoke(null, doc(parse, text), Map.of());
      for (String prefix : List.of("", "tasks-")) {
        String expected =
            canonical((String) cleanNow.invoke(body, commonmark, source, prefix, "../../"));
        String actual = canonical((String) linksOnly.invoke(body, page, source, prefix, "../../"));
        assertEquals(expected, actual, source + " with anchor prefix '" + prefix + "'");
      }
      compared++;
    }
    assertTrue(compared > 100, "compared only " + compared + " files");
  }

  /** The document of {@code Markdown.parse}'s result. */
  private static Node doc(Method parse, String text) throws Exception {
    Object parsed = parse.invoke(null, text);
    Method doc = parsed.getClass().getDeclaredMethod("doc");
    doc.setAccessible(true);
    return (Node) doc.invoke(parsed);
  }

  private static boolean hasRawHtml(String text, Method parse) throws Exception {
    boolean[] found = {false};
    doc(parse, text)
        .accept(
            new org.commonmark.node.AbstractVisitor() {
              @Override
              public void visit(org.commonmark.node.HtmlBlock b) {
                found[0] = true;
              }

              @Override
              public void visit(org.commonmark.node.HtmlInline i) {
                found[0] = true;
              }
            });
    return found[0];
  }

  private static Method method(Class<?> owner, String name, Class<?>... types) throws Exception {
    Method m = owner.getDeclaredMethod(name, types);
    m.setAccessible(true);
    return m;
  }

  /** The tree as text: tags, attributes sorted (classes too), text as parsed. */
  private static String canonical(String html) {
    StringBuilder out = new StringBuilder();
    walk(Jsoup.parseBodyFragment(html).body(), out);
    return out.toString().strip();
  }

  private static void walk(Element e, StringBuilder out) {
    for (org.jsoup.nodes.Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        out.append(t.getWholeText());
      } else if (c instanceof Element child) {
        Map<String, String> attrs = new TreeMap<>();
        for (Attribute a : child.attributes()) {
          String v = a.getValue();
          if (a.getKey().equals("class")) {
            String[] names = v.strip().split("\\s+");
            Arrays.sort(names);
            v = String.join(" ", names);
          }
          attrs.put(a.getKey(), v);
        }
        out.append('<').append(child.tagName());
        attrs.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append('>');
        walk(child, out);
        out.append("</").append(child.tagName()).append('>');
      }
    }
  }
}
