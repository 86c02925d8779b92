package dev.planbake.parse;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import dev.planbake.model.Content;
import dev.planbake.model.Document;
import dev.planbake.model.Html;
import dev.planbake.model.Phase;
import dev.planbake.model.Section;
import dev.planbake.model.Task;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * Reads one Markdown file in a single pass over its commonmark tree: the heading tree, tasks (never
 * those in code, HTML or block quotes), fields, phases, gates, risks, files, URLs and references,
 * each with its line. Block-level text is read from the source lines the parser reports, so labels
 * and ids are matched as written. Fields are read by {@link Fields}, gates, risks, files and URLs
 * by {@link Extras}; nesting too deep for the parser is flattened first by {@link Nesting}.
 */
final class DocumentReader {
  private static final Pattern UNSAFE_SCHEME =
      Pattern.compile("(?i)^\\s*(?:javascript|vbscript|data):");
  private static final Pattern UNSAFE_HTML =
      Pattern.compile(
          "(?i)<\\s*(?:script|iframe|object|embed|style|form|meta|base|link)\\b|\\son[a-z]+\\s*=|javascript:");

  private final Path root;
  private final String source;
  private final Path file;
  private final String[] lines;
  private final IdGenerator ids;
  private final boolean packHtml;
  private final FieldLines fieldLines;
  private final BitSet inTaskBlock;
  private final Map<Node, String> anchors = new IdentityHashMap<>();

  private final Deque<OpenSection> stack = new ArrayDeque<>();
  private final List<OpenSection> allHeadings = new ArrayList<>();
  private final List<OpenSection> phases = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  private final Extras extras;
  private final ReferenceLines references;
  private final List<Doc.UnitHeading> unitHeads = new ArrayList<>();
  private final List<Document.RawHtml> rawHtml = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private String h1 = "";
  private int h1Line;
  private String firstHeading = "";
  private int firstHeadingLine;
  private int stages;
  private boolean verification;

  private boolean inList;

  /** Whether the code block being read is a diagram. */
  private boolean diagram;

  private int paragraphLast = -1;

  private DocumentReader(
      Path root, String source, String[] lines, String idPrefix, boolean packHtml) {
    this.root = root;
    this.source = source;
    this.file = root.resolve(source);
    this.lines = lines;
    this.ids = IdGenerator.builder().defaultId("section").prefix(idPrefix).build();
    this.packHtml = packHtml;
    // Most plans hold no tag at all: their lines need not be looked through for one.
    boolean tags = anyTag(lines);
    this.fieldLines = new FieldLines(stack, tags ? Fields.tagBlockLines(lines) : new BitSet());
    this.inTaskBlock = tags ? Fields.taskBlockLines(lines) : new BitSet();
    this.extras = new Extras(this::line);
    this.references = new ReferenceLines(stack, this::at);
  }

  private static boolean anyTag(String[] lines) {
    for (String l : lines) {
      if (l.indexOf('<') >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads {@code body} (the file with its header lines blanked). {@code idPrefix} starts every
   * heading anchor, so that several files shown on one page keep distinct anchors; {@code packHtml}
   * keeps the rendered HTML deflated.
   */
  static Doc read(Path root, String source, String body, String idPrefix, boolean packHtml) {
    List<Diagnostic> early = new ArrayList<>();
    String capped = Nesting.cap(body, root, source, early);
    String[] lines = capped.split("\n", -1);
    DocumentReader r = new DocumentReader(root, source, lines, idPrefix, packHtml);
    r.problems.addAll(early);
    Markdown.Parsed parsed = Markdown.parse(capped);
    r.overBudget(parsed.plainText());
    return r.walk(parsed.doc());
  }

  /** Reports the blocks {@link InlineBudget} kept as plain text, at the first one's line. */
  private void overBudget(List<InlineBudget.Skipped> plain) {
    if (plain.isEmpty()) {
      return;
    }
    InlineBudget.Skipped first = plain.get(0);
    String more =
        plain.size() == 1
            ? ""
            : String.format(Locale.ROOT, " (and %,d more after it)", plain.size() - 1);
    problems.add(
        Diagnostic.warning(
                at(first.line()),
                String.format(
                    Locale.ROOT,
                    "paragraph with %,d `[` shown as plain text%s: finding its links would take"
                        + " too long (limit: %,d `[` in one paragraph; the paragraphs of a file"
                        + " share that budget by their squares)",
                    first.brackets(),
                    more,
                    InlineBudget.MAX_BRACKETS))
            .withHint("put long runs of brackets in a code block, or split the file"));
  }

  private Doc walk(Node doc) {
    for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading h) {
        onHeading(h);
        collectNodes(h);
      } else {
        onBlock(block);
      }
    }
    int last = lastContentLine();
    while (!stack.isEmpty()) {
      stack.pop().close(last);
    }
    extras.end();
    // Without raw HTML there is nothing to sanitise: the page's shape is rendered here, once.
    String html;
    int tooDeep = HtmlDepth.tooDeepAt(rawHtml);
    if (tooDeep > 0) {
      problems.add(
          Diagnostic.warning(
                  at(tooDeep),
                  "raw HTML nested more than "
                      + HtmlDepth.MAX_DEPTH
                      + " elements deep; this file's HTML is shown as text")
              .withHint("close the elements you open, or put the HTML in a code block"));
      rawHtml.clear();
      html = Markdown.renderPageHtmlAsText(doc, anchors);
    } else {
      html = rawHtml.isEmpty() ? Markdown.renderPage(doc, anchors) : Markdown.render(doc, anchors);
    }
    List<Section> sections = new ArrayList<>();
    List<Doc.UnitHeading> units = new ArrayList<>();
    for (OpenSection o : allHeadings) {
      sections.add(o.section());
      if (o.unit != null) {
        units.add(o.unit);
      }
    }
    List<Phase> phaseList = new ArrayList<>();
    for (OpenSection o : phases) {
      phaseList.add(o.phase(source));
    }
    Content content =
        new Content(
            tasks,
            phaseList,
            extras.gates(),
            extras.risks(),
            extras.files(),
            extras.urls(),
            references.refs());
    String title = h1.isEmpty() ? firstHeading : h1;
    return new Doc(
        source,
        h1,
        h1Line,
        firstHeading,
        firstHeadingLine,
        fieldLines.fields(),
        fieldLines.statusTexts(),
        units,
        sections,
        content,
        stages,
        verification,
        new Document(source, title, Html.of(html, packHtml), sections, rawHtml),
        problems);
  }

  // ---- headings

  private void onHeading(Heading h) {
    int line = firstLine(h);
    String text = PlainText.plainText(h);
    while (!stack.isEmpty() && stack.peek().level >= h.getLevel()) {
      stack.pop().close(line - 1);
    }
    references.endList();
    String anchor = ids.generateId(text);
    anchors.put(h, anchor);
    if (firstHeading.isEmpty()) {
      firstHeading = text;
      firstHeadingLine = line;
    }
    if (h.getLevel() == 1 && h1.isEmpty()) {
      h1 = text;
      h1Line = line;
    }
    OpenSection o =
        OpenSection.of(
            h.getLevel(),
            text,
            anchor,
            line,
            number -> inSection(x -> number.equalsIgnoreCase(x.phaseNumber)));
    if (o.phaseNumber != null) {
      phases.add(o);
    }
    if (o.stage) {
      stages++;
    }
    verification |= o.verification;
    fieldLines.heading(o, line);
    extras.heading(o.plain, line, o.files, top());
    stack.push(o);
    allHeadings.add(o);
  }

  // ---- blocks

  private void onBlock(Node block) {
    collectNodes(block);
    if (!(block instanceof ListBlock)) {
      // The direction of a label that closed the paragraph before reaches the next list only.
      references.endList();
    }
    int first = firstLine(block);
    int last = lastLine(block);
    if (first <= 0) {
      return;
    }
    if (block instanceof HtmlBlock) {
      return;
    }
    if (block instanceof FencedCodeBlock f) {
      int bodyFirst = first + 1;
      int bodyLast = f.getClosingFenceLength() == null ? last : last - 1;
      if (f.getClosingFenceLength() == null) {
        problems.add(
            Diagnostic.warning(
                    at(first),
                    "code fence opened here is never closed; the rest of the file is code")
                .withHint(
                    "add a closing "
                        + f.getFenceCharacter().repeat(Math.max(3, f.getOpeningFenceLength()))
                        + " line"));
      }
      // A diagram (mermaid, or boxes joined by arrows) draws the order of other work: the lines
      // of a dependency section's diagram are no dependencies of this plan (see reading.md).
      diagram = Labels.isDiagram(f.getInfo(), f.getLiteral());
      for (int l = bodyFirst; l <= bodyLast; l++) {
        onLine(l, line(l), true, false);
      }
      diagram = false;
      return;
    }
    if (block instanceof IndentedCodeBlock) {
      for (int l = first; l <= last; l++) {
        onLine(l, line(l), true, false);
      }
      return;
    }
    boolean paragraph = block instanceof Paragraph;
    boolean table = block instanceof TableBlock;
    boolean list = block instanceof ListBlock;
    inList = list;
    paragraphLast = paragraph ? last : -1;
    if (table) {
      if (inSection(o -> o.risks)) {
        extras.riskTable(first, last);
      }
    }
    for (int l = first; l <= last; l++) {
      ParseSteps.step();
      String text = line(l);
      fieldLines.line(block, l, text, first);
      onLine(l, text, false, block instanceof BlockQuote);
    }
    if (list) {
      references.endList();
    }
    fieldLines.blockEnd(block, first, last, this::line);
  }

  /** Tasks, raw HTML and unsafe links: found in the tree, never inside block quotes for tasks. */
  private void collectNodes(Node block) {
    Deque<Node> todo = new ArrayDeque<>();
    Deque<Boolean> quoted = new ArrayDeque<>();
    todo.push(block);
    quoted.push(false);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      ParseSteps.step();
      boolean inQuote = quoted.pop() || n instanceof BlockQuote;
      if (n instanceof TaskListItemMarker marker
          && !inQuote
          && n.getParent() instanceof ListItem li) {
        onTask(li, marker.isChecked());
      } else if (n instanceof HtmlBlock hb) {
        onRawHtml(firstLine(hb), hb.getLiteral());
      } else if (n instanceof HtmlInline hi) {
        onRawHtml(firstLine(nearestBlock(hi)), hi.getLiteral());
      } else if (n instanceof org.commonmark.node.Link link
          && UNSAFE_SCHEME.matcher(link.getDestination()).find()) {
        problems.add(
            Diagnostic.warning(
                    at(firstLine(nearestBlock(link))),
                    "link to a `"
                        + link.getDestination().strip().replaceFirst(":.*", ":")
                        + "` URL is removed")
                .withHint("only http(s), mailto and relative links are kept"));
      } else if (n instanceof org.commonmark.node.Image img
          && UNSAFE_SCHEME.matcher(img.getDestination()).find()
          && !img.getDestination().strip().toLowerCase(Locale.ROOT).startsWith("data:image/")) {
        problems.add(
            Diagnostic.warning(
                at(firstLine(nearestBlock(img))), "image with an unsafe URL is removed"));
      }
      // Push children in reverse so they are visited in document order.
      for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
        todo.push(c);
        quoted.push(inQuote);
      }
    }
  }

  private void onRawHtml(int line, String html) {
    rawHtml.add(new Document.RawHtml(line, html));
    if (UNSAFE_HTML.matcher(html).find()) {
      problems.add(
          Diagnostic.warning(
                  at(line), "raw HTML with script, event handler or embedded content is removed")
              .withHint("use Markdown, or --trust-html if the plans are trusted"));
    }
  }

  private void onTask(ListItem li, boolean done) {
    int line = firstLine(li);
    if (inTaskBlock.get(line)) {
      // A box inside a GSD plan's <task> … </task> is part of its instructions ("- [x]
      // checkboxes render correctly"); <success_criteria> boxes are the plan's own checklist.
      return;
    }
    String raw = line(line);
    String text = raw.substring(PlainText.taskPrefixEnd(raw)).strip();
    List<String> path = new ArrayList<>();
    for (OpenSection o : stack) {
      ParseSteps.step();
      path.add(0, o.text);
      o.total++;
      if (done) {
        o.done++;
      }
    }
    tasks.add(new Task(source, line, done, text, path));
  }

  // ---- lines

  private void onLine(int l, String text, boolean code, boolean quote) {
    references.line(l, text, code, diagram, inList, paragraphLast);
    extras.line(text, l, code, inSection(o -> o.files), inSection(o -> o.urls), top());
  }

  private boolean inSection(java.util.function.Predicate<OpenSection> kind) {
    for (OpenSection o : stack) {
      if (kind.test(o)) {
        return true;
      }
    }
    return false;
  }

  // ---- positions and text

  /** The text of the innermost open heading, or null before the first. */
  private String top() {
    OpenSection o = stack.peek();
    return o == null ? null : o.text;
  }

  private Position at(int line) {
    return Position.of(file, source, line);
  }

  private String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  private int lastContentLine() {
    int n = lines.length;
    while (n > 1 && lines[n - 1].isBlank()) {
      n--;
    }
    return n;
  }

  private static Node nearestBlock(Node n) {
    Node b = n;
    while (b != null && b.getSourceSpans().isEmpty()) {
      b = b.getParent();
    }
    return b == null ? n : b;
  }

  private static int firstLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }

  private static int lastLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex() + 1;
  }
}
