package dev.planbake.parse;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The commonmark-java engine, configured once: GFM tables, strikethrough, task lists and autolinks,
 * block source spans for line numbers, and heading ids taken from the anchors the reader computed
 * (so the table of contents and the page always agree).
 */
final class Markdown {
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          TaskListItemsExtension.create(),
          AutolinkExtension.create());

  private static final Parser PARSER =
      Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** Anchors for the document being rendered on this thread. */
  private static final ThreadLocal<Map<Node, String>> ANCHORS =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .attributeProviderFactory(
              context ->
                  (node, tag, attributes) -> {
                    if (node instanceof Heading) {
                      String id = ANCHORS.get().get(node);
                      if (id != null) {
                        attributes.put("id", id);
                      }
                    }
                  })
          .build();

  private Markdown() {}

  static Node parse(String text) {
    return PARSER.parse(text);
  }

  /** Renders {@code doc} with the given heading anchors as ids. */
  static String render(Node doc, Map<Node, String> anchors) {
    Map<Node, String> current = ANCHORS.get();
    current.putAll(anchors);
    try {
      return RENDERER.render(doc);
    } finally {
      current.clear();
    }
  }
}
