package dev.planbake.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProviderFactory;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The commonmark-java engine, configured once: GFM tables, strikethrough, task lists and autolinks,
 * block source spans for line numbers, and heading ids taken from the anchors the reader computed
 * (so the table of contents and the page always agree).
 *
 * <p>A document without raw HTML is rendered straight into the shape its page shows (see {@link
 * #renderPage}), so that the renderer only has to point its links at their pages; a document with
 * raw HTML is rendered as commonmark writes it, and the renderer sanitises and shapes it with
 * jsoup.
 */
final class Markdown {
  static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          TaskListItemsExtension.create(),
          AutolinkExtension.create());

  /**
   * commonmark-java 0.32 opens at most 100 blocks at once, and makes deeper list items text of the
   * one above; {@link Nesting} already bounds nesting (400 columns of indentation, 100 containers
   * on one line), so the engine's bound sits past what Nesting lets through and a list nested 2,000
   * deep keeps all its tasks, as it did before.
   */
  private static final int MAX_OPEN_BLOCKS =
      2 * Nesting.MAX_INDENT + 2 * Nesting.MAX_QUOTE_DEPTH + 8;

  private static final Parser PARSER =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .inlineParserFactory(new InlineBudget())
          .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
          .build();

  /**
   * The same parser without autolinks, for documents in which autolink could find nothing: it would
   * otherwise scan every text of every document (most plans hold no URL or address).
   */
  private static final Parser PARSER_WITHOUT_AUTOLINKS =
      Parser.builder()
          .extensions(EXTENSIONS.stream().filter(e -> !(e instanceof AutolinkExtension)).toList())
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .inlineParserFactory(new InlineBudget())
          .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
          .build();

  /** Anchors for the document being rendered on this thread. */
  private static final ThreadLocal<Map<Node, String>> ANCHORS =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private static final AttributeProviderFactory HEADING_IDS =
      context ->
          (node, tag, attributes) -> {
            if (node instanceof Heading) {
              String id = ANCHORS.get().get(node);
              if (id != null) {
                attributes.put("id", id);
              }
            }
          };

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).attributeProviderFactory(HEADING_IDS).build();

  private static final HtmlRenderer PAGE_RENDERER = pageRenderer(false);

  /** The page's shape with raw HTML shown as text (see {@link HtmlDepth}). */
  private static final HtmlRenderer ESCAPING_PAGE_RENDERER = pageRenderer(true);

  private Markdown() {}

  /** A parsed document and the blocks over the link budget, kept as plain text. */
  record Parsed(Node doc, List<InlineBudget.Skipped> plainText) {}

  static Parsed parse(String text) {
    InlineBudget.start();
    Node doc = (mayAutolink(text) ? PARSER : PARSER_WITHOUT_AUTOLINKS).parse(text);
    if (text.indexOf('<') >= 0 && SWALLOWING_TAG.matcher(text).find()) {
      swallowingTagsAsText(doc);
    }
    return new Parsed(doc, InlineBudget.skipped());
  }

  /**
   * Tags of elements whose content an HTML parser reads as plain text up to their end tag: one
   * written in prose ("each task as task-&lt;id&gt; - &lt;title&gt;") would make the rest of the
   * page text, escaped, in the cleaned page (jsoup 1.24 reads to the end of the document).
   */
  private static final Pattern SWALLOWING_TAG =
      Pattern.compile("(?i)</?(?:title|textarea|xmp|plaintext|noembed|noframes)(?=[\\s/>])");

  /** Shows inline tags of {@link #SWALLOWING_TAG} elements as the text they are. */
  private static void swallowingTagsAsText(Node doc) {
    List<HtmlInline> found = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlInline h) {
            if (SWALLOWING_TAG.matcher(h.getLiteral()).lookingAt()) {
              found.add(h);
            }
          }
        });
    for (HtmlInline h : found) {
      Text t = new Text(h.getLiteral());
      t.setSourceSpans(h.getSourceSpans());
      h.insertBefore(t);
      h.unlink();
    }
  }

  private static HtmlRenderer pageRenderer(boolean escapeHtml) {
    return HtmlRenderer.builder()
        // Before the extensions: the first renderer of a node type wins (task list markers).
        .nodeRendererFactory(PageNodes::new)
        .extensions(EXTENSIONS)
        .attributeProviderFactory(HEADING_IDS)
        .attributeProviderFactory(context -> Markdown::pageAttributes)
        .escapeHtml(escapeHtml)
        .build();
  }

  /**
   * Whether autolink could find a link in the text parsed from this Markdown. It looks for
   * "scheme://", "www" and "@" in text; text is the Markdown without backslashes before punctuation
   * and with entities decoded, so a {@code :\} and any {@code &} count too.
   */
  static boolean mayAutolink(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '@' || c == '&') {
        return true;
      }
      if (c == ':' && i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '\\')) {
        return true;
      }
      if ((c | 0x20) == 'w'
          && i + 2 < n
          && (s.charAt(i + 1) | 0x20) == 'w'
          && (s.charAt(i + 2) | 0x20) == 'w') {
        return true;
      }
    }
    return false;
  }

  /** Renders {@code doc} as commonmark writes it, with the given heading anchors as ids. */
  static String render(Node doc, Map<Node, String> anchors) {
    return render(RENDERER, doc, anchors);
  }

  /**
   * Renders a document that holds no raw HTML in the shape its page shows, the same HTML that
   * cleaning commonmark's output with jsoup gave (the renderer's {@code BodyHtml} does that for
   * documents with raw HTML): the page's own h1 (a first top-level level-1 heading) left out,
   * heading levels from 2 without skipping one, task boxes drawn as {@code span.task-box} in an
   * {@code li.task}, table alignment as {@code align-*} classes, code blocks and tables focusable
   * ({@code tabindex="0"}), and images that are not http(s) or {@code data:image/} shown by their
   * alt text ({@code span.missing-image}). Links are written as they are; the renderer points them
   * at their pages.
   */
  static String renderPage(Node doc, Map<Node, String> anchors) {
    return render(PAGE_RENDERER, doc, anchors);
  }

  /** {@link #renderPage} with raw HTML written as text, for HTML too deep to clean. */
  static String renderPageHtmlAsText(Node doc, Map<Node, String> anchors) {
    return render(ESCAPING_PAGE_RENDERER, doc, anchors);
  }

  private static String render(HtmlRenderer renderer, Node doc, Map<Node, String> anchors) {
    Map<Node, String> current = ANCHORS.get();
    current.putAll(anchors);
    try {
      return renderer.render(doc);
    } finally {
      current.clear();
    }
  }

  private static void pageAttributes(Node node, String tag, Map<String, String> attributes) {
    switch (tag) {
      case "pre", "table" -> attributes.put("tabindex", "0");
      case "td", "th" -> {
        String align = attributes.remove("align");
        if (align != null) {
          attributes.put("class", "align-" + align.toLowerCase(Locale.ROOT));
        }
      }
      case "li" -> {
        if (node.getFirstChild() instanceof TaskListItemMarker) {
          attributes.put("class", "task");
        }
      }
      default -> {}
    }
  }

  /** Headings, task boxes and images in the page's shape; one instance per rendering. */
  private static final class PageNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private int last = 1;

    PageNodes(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Heading.class, TaskListItemMarker.class, Image.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Heading h) {
        heading(h);
      } else if (node instanceof TaskListItemMarker m) {
        boolean done = m.isChecked();
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("class", done ? "task-box task-done" : "task-box task-open");
        attrs.put("role", "img");
        attrs.put("aria-label", done ? "done" : "not done");
        html.tag("span", attrs);
        html.raw(done ? "&#10003;" : ""); // ✓, as a reference: see render.Theme
        html.tag("/span");
        // The text after the marker was trimmed (as commonmark's own renderer notes).
        html.text(" ");
        children(node);
      } else if (node instanceof Image image) {
        image(image);
      }
    }

    private void heading(Heading h) {
      if (h.getLevel() == 1 && firstBlock(h)) {
        // The page shows the plan's title as its own h1.
        return;
      }
      // The page has its own h1; a plan that jumps from ## to #### would skip a level, which
      // breaks the outline screen readers navigate by.
      int level = Math.min(Math.max(2, h.getLevel()), last + 1);
      last = level;
      String tag = "h" + level;
      html.line();
      html.tag(tag, context.extendAttributes(h, tag, Map.of()));
      children(h);
      html.tag("/" + tag);
      html.line();
    }

    private void image(Image image) {
      String dest = image.getDestination().strip().toLowerCase(Locale.ROOT);
      StringBuilder alt = new StringBuilder();
      altText(image, alt);
      if (dest.startsWith("https://")
          || dest.startsWith("http://")
          || dest.startsWith("data:image/")) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("src", context.encodeUrl(image.getDestination()));
        attrs.put("alt", alt.toString());
        if (image.getTitle() != null) {
          attrs.put("title", image.getTitle());
        }
        html.tag("img", context.extendAttributes(image, "img", attrs), true);
        return;
      }
      // Images beside the plans are not published (yet): show what the image is of.
      html.tag("span", Map.of("class", "missing-image"));
      html.text(alt.toString());
      html.tag("/span");
    }

    /** Whether the node is the first top-level block that shows (definitions of links do not). */
    private static boolean firstBlock(Node node) {
      if (!(node.getParent() instanceof org.commonmark.node.Document)) {
        return false;
      }
      for (Node p = node.getPrevious(); p != null; p = p.getPrevious()) {
        if (!(p instanceof LinkReferenceDefinition)) {
          return false;
        }
      }
      return true;
    }

    private static void altText(Node node, StringBuilder out) {
      for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Text t) {
          out.append(t.getLiteral());
        } else if (c instanceof org.commonmark.node.Code code) {
          out.append(code.getLiteral());
        } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
          out.append('\n');
        } else {
          altText(c, out);
        }
      }
    }

    private void children(Node parent) {
      Node node = parent.getFirstChild();
      while (node != null) {
        Node next = node.getNext();
        context.render(node);
        node = next;
      }
    }
  }
}
