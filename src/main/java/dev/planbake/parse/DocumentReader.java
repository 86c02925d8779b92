package dev.planbake.parse;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import dev.planbake.model.Content;
import dev.planbake.model.Document;
import dev.planbake.model.Field;
import dev.planbake.model.FileChange;
import dev.planbake.model.Gate;
import dev.planbake.model.Html;
import dev.planbake.model.Link;
import dev.planbake.model.Phase;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import dev.planbake.model.Risk;
import dev.planbake.model.Section;
import dev.planbake.model.Task;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Reads one Markdown file in a single pass over its commonmark tree: the heading tree, tasks (never
 * those in code, HTML or block quotes), fields, phases, gates, risks, files, URLs and references,
 * each with its line. Block-level text is read from the source lines the parser reports, so labels
 * and ids are matched as written.
 */
final class DocumentReader {
  /** Deeper indentation than this is flattened before parsing (see {@link #capNesting}). */
  static final int MAX_INDENT = 400;

  static final int MAX_QUOTE_DEPTH = 100;

  private static final Pattern UNIT_HEADING =
      Pattern.compile("(?i)units?\\s+(\\d+(?:\\.\\d+)+)\\s*(?:[:—–.-]\\s*(.*))?");
  private static final Pattern PHASE_HEADING =
      Pattern.compile("(?i)(?:[\\d.]+\\s+)?phase\\s+(\\d+[a-z]?)\\b\\s*[:—–.-]?\\s*(.*)");
  private static final Pattern STAGE_HEADING =
      Pattern.compile("(?i)(?:[\\d.]+\\s+)?stage\\s+\\d+\\s*[:—–.-].*");
  private static final Pattern STATUS_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?(?:current |implementation |plan |overall )?status\\b.*");
  private static final Pattern FILES_HEADING =
      Pattern.compile(
          "(?i).*\\bfiles?\\b.*\\b(?:create|update|modify|change|touch|add)\\w*.*|(?:[\\d.]+\\s+)?"
              + "(?:files|changed files|files changed|file changes|affected files)\\s*");
  private static final Pattern URLS_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?(?:important |useful |external )?(?:urls?|links|resources"
              + "|references|documentation links)\\s*");
  private static final Pattern RISK_HEADING = Pattern.compile("(?i).*\\brisks?\\b.*");
  private static final Pattern STATUS_PREFIX = Pattern.compile("(?i)^.*?status\\b[\\s:—–-]*");
  private static final Pattern FILE_VERB =
      Pattern.compile("(?i)\\b(create|add|update|modify|change)");
  private static final Pattern BOTH_VERBS = Pattern.compile(".*(create|add).*(update|modify).*");
  private static final Pattern VERIFICATION_HEADING =
      Pattern.compile(
          "(?i)(?:automated|manual)(?: verification| checks| testing| tests)?\\s*:?\\s*");

  private static final Pattern FIELD_BOLD =
      Pattern.compile(
          "^\\s*(?:\\*\\*|__)([^*_:]{1,40}?)(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:)\\s*(.*)$");
  private static final Pattern FIELD_PLAIN =
      Pattern.compile("^\\s*([A-Z][A-Za-z /-]{1,30}):\\s+(\\S.*)$");

  /** Several fields on one line: {@code **Branch**: x | **Date**: y} or without the bars. */
  private static final Pattern FIELD_SPLIT =
      Pattern.compile(
          "\\s+(?:\\|\\s+)?(?=(?:\\*\\*|__)[^*_:]{1,40}?(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:))");

  /** Fields inside a phase that give its goal and its duration estimate (seed 003's form). */
  private static final List<String> GOAL_KEYS = List.of("goal", "phase goal", "objective");

  private static final List<String> DURATION_KEYS =
      List.of("duration", "duration estimate", "estimated duration", "estimate", "time estimate");

  private static final Pattern GATE =
      Pattern.compile("(?i)^[^\\w]*gate\\s+(\\d+)\\b[*_]*\\s*[:.—–-]\\s*[*_]*\\s*(.*?)\\s*$");
  private static final Pattern GATE_RESULT_LINE =
      Pattern.compile("(?i)^[^\\w]*gate (?:result|status|evaluation)[*_]*\\s*:\\s*[*_]*\\s*(.*)$");
  private static final Pattern RESULT_LABEL =
      Pattern.compile("(?i)^[^\\w]*(?:status|result|outcome|verdict|decision)[*_]*\\s*:(.*)$");
  private static final Pattern RESULT_WORD =
      Pattern.compile(
          "\\b(PASS(?:ED|ES)?|FAIL(?:ED|S)?|CONDITIONAL(?:LY)?)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern RISK_ENTRY =
      Pattern.compile(
          "(?i)^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?risk\\s*\\d*(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+)$");
  private static final Pattern RISK_DETAIL =
      Pattern.compile(
          "(?i)^\\s*[-*+]\\s+(?:\\*\\*|__)?(impact|probability|likelihood|severity|mitigation)"
              + "(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+)$");

  private static final Pattern FILE_LABEL =
      Pattern.compile("(?i)^\\W*files? to (create|add|update|modify|change)\\b.*:\\W*$");
  private static final Pattern FILE_ITEM =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?(?:\\*\\*|__)?`?([^\\s`*]+)");
  private static final Pattern FILE_FIELD =
      Pattern.compile("(?i)^\\s*(?:[-*+]\\s+)?\\*\\*files?\\*\\*\\s*:\\s*`([^`]+)`");
  private static final Pattern HTTP_LINK =
      Pattern.compile("\\[([^\\]]*)\\]\\((https?://[^)\\s]+)\\)|<?(https?://[^\\s)>\\]]+)");
  private static final Pattern TRAILING_SPACES = Pattern.compile("\\s{2,}$");
  private static final Pattern TRAILING_BACKSLASH = Pattern.compile("\\\\$");
  private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern EMPHASIS_MARKS = Pattern.compile("(\\*\\*|__|`)");
  private static final Pattern OTHER_LABEL = Pattern.compile("^\\W*[^:]{1,60}:\\W*$");
  static final Pattern TASK_PREFIX = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+\\[[ xX]\\]\\s*");
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
  private final Map<Node, String> anchors = new IdentityHashMap<>();

  private final Deque<Open> stack = new ArrayDeque<>();
  private final List<Open> allHeadings = new ArrayList<>();
  private final List<Open> phases = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  private final List<Gate> gates = new ArrayList<>();
  private final List<Risk> risks = new ArrayList<>();
  private final List<FileChange> files = new ArrayList<>();
  private final List<Link> urls = new ArrayList<>();
  private final List<Reference> refs = new ArrayList<>();
  private final List<Doc.ScopedField> fields = new ArrayList<>();
  private final List<Doc.ScopedField> statusTexts = new ArrayList<>();
  private final List<Doc.UnitHeading> unitHeads = new ArrayList<>();
  private final List<Document.RawHtml> rawHtml = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private String h1 = "";
  private int h1Line;
  private String firstHeading = "";
  private int firstHeadingLine;
  private int stages;
  private boolean verification;
  private PendingGate pendingGate;
  private PendingRisk pendingRisk;
  private String fileAction = "";
  private Open statusWanted;

  /** A heading whose section is still open, with its counters and what kind of section it is. */
  private static final class Open {
    final int level;
    final String text;
    final String anchor;
    final int line;
    int endLine;
    int done;
    int total;
    Direction refDirection;
    Direction subDirection;
    boolean files;
    boolean urls;
    boolean risks;
    String phaseNumber;
    String phaseName;
    String goal = "";
    String duration = "";
    Doc.UnitHeading unit;

    Open(int level, String text, String anchor, int line) {
      this.level = level;
      this.text = text;
      this.anchor = anchor;
      this.line = line;
    }
  }

  private static final class PendingGate {
    final String name;
    final int line;
    String result = "";

    PendingGate(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  private static final class PendingRisk {
    final String risk;
    final int line;
    String impact = "";
    String mitigation = "";

    PendingRisk(String risk, int line) {
      this.risk = risk;
      this.line = line;
    }
  }

  private DocumentReader(
      Path root, String source, String[] lines, String idPrefix, boolean packHtml) {
    this.root = root;
    this.source = source;
    this.file = root.resolve(source);
    this.lines = lines;
    this.ids = IdGenerator.builder().defaultId("section").prefix(idPrefix).build();
    this.packHtml = packHtml;
  }

  /**
   * Reads {@code body} (the file with its header lines blanked). {@code idPrefix} starts every
   * heading anchor, so that several files shown on one page keep distinct anchors; {@code packHtml}
   * keeps the rendered HTML deflated.
   */
  static Doc read(Path root, String source, String body, String idPrefix, boolean packHtml) {
    List<Diagnostic> early = new ArrayList<>();
    String capped = capNesting(body, root, source, early);
    String[] lines = capped.split("\n", -1);
    DocumentReader r = new DocumentReader(root, source, lines, idPrefix, packHtml);
    r.problems.addAll(early);
    Node doc = Markdown.parse(capped);
    return r.walk(doc);
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
      close(stack.pop(), last);
    }
    flushGate();
    flushRisk();
    // Without raw HTML there is nothing to sanitise: the page's shape is rendered here, once.
    String html =
        rawHtml.isEmpty() ? Markdown.renderPage(doc, anchors) : Markdown.render(doc, anchors);
    List<Section> sections = new ArrayList<>();
    for (Open o : allHeadings) {
      sections.add(new Section(o.level, o.text, o.anchor, o.line, new Progress(o.done, o.total)));
    }
    List<Phase> phaseList = new ArrayList<>();
    for (Open o : phases) {
      phaseList.add(
          new Phase(
              o.phaseNumber,
              o.phaseName,
              o.level,
              o.anchor,
              o.line,
              new Progress(o.done, o.total),
              o.goal,
              o.duration));
    }
    List<Doc.UnitHeading> units = new ArrayList<>();
    for (Open o : allHeadings) {
      if (o.unit != null) {
        units.add(
            new Doc.UnitHeading(o.unit.id(), o.unit.title(), o.level, o.anchor, o.line, o.endLine));
      }
    }
    Content content = new Content(tasks, phaseList, gates, risks, files, urls, refs);
    String title = h1.isEmpty() ? firstHeading : h1;
    return new Doc(
        source,
        h1,
        h1Line,
        firstHeading,
        firstHeadingLine,
        fields,
        statusTexts,
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
    String text = plainText(h);
    while (!stack.isEmpty() && stack.peek().level >= h.getLevel()) {
      close(stack.pop(), line - 1);
    }
    flushGate();
    flushRisk();
    fileAction = "";
    statusWanted = null;
    String anchor = ids.generateId(text);
    anchors.put(h, anchor);
    Open o = new Open(h.getLevel(), text, anchor, line);
    if (firstHeading.isEmpty()) {
      firstHeading = text;
      firstHeadingLine = line;
    }
    if (h.getLevel() == 1 && h1.isEmpty()) {
      h1 = text;
      h1Line = line;
    }
    String plain = stripDecoration(text);
    // The heading patterns are (?i) for ASCII letters: a word missing from this form of the heading
    // cannot match, and most headings are none of these kinds.
    String lower = RefText.asciiLower(plain);
    Matcher unit = lower.startsWith("unit") ? UNIT_HEADING.matcher(plain) : null;
    Matcher phase = lower.contains("phase") ? PHASE_HEADING.matcher(plain) : null;
    if (unit != null && unit.matches()) {
      String title = unit.group(2) == null ? "" : unit.group(2).strip();
      o.unit = new Doc.UnitHeading(unit.group(1), title, h.getLevel(), anchor, line, 0);
    } else if (phase != null && phase.matches()) {
      o.phaseNumber = phase.group(1);
      o.phaseName = phase.group(2).strip();
      phases.add(o);
    } else {
      o.refDirection = RefText.sectionDirection(plain);
    }
    if (lower.contains("stage") && STAGE_HEADING.matcher(plain).matches()) {
      stages++;
    }
    if ((lower.startsWith("automated") || lower.startsWith("manual"))
        && VERIFICATION_HEADING.matcher(plain).matches()) {
      verification = true;
    }
    if (lower.contains("status")
        && STATUS_HEADING.matcher(plain).matches()
        && o.unit == null
        && o.phaseNumber == null) {
      String after = STATUS_PREFIX.matcher(plain).replaceFirst("");
      if (!after.isBlank()) {
        statusTexts.add(scoped(new Field("Status", after, line)));
      } else {
        statusWanted = o;
      }
    }
    o.files = lower.contains("file") && FILES_HEADING.matcher(plain).matches();
    o.urls =
        (lower.contains("url")
                || lower.contains("link")
                || lower.contains("resource")
                || lower.contains("reference"))
            && URLS_HEADING.matcher(plain).matches();
    o.risks =
        lower.contains("risk") && RISK_HEADING.matcher(plain).matches() && o.phaseNumber == null;
    if (o.files) {
      Matcher m = FILE_VERB.matcher(plain);
      boolean both = BOTH_VERBS.matcher(plain.toLowerCase(Locale.ROOT)).matches();
      fileAction = both || !m.find() ? "" : action(m.group(1));
    }
    onGateText(plain, line);
    stack.push(o);
    allHeadings.add(o);
  }

  private void close(Open o, int endLine) {
    o.endLine = Math.max(o.line, endLine);
    if (o.unit != null) {
      o.unit =
          new Doc.UnitHeading(o.unit.id(), o.unit.title(), o.level, o.anchor, o.line, o.endLine);
    }
  }

  // ---- blocks

  private void onBlock(Node block) {
    collectNodes(block);
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
      for (int l = bodyFirst; l <= bodyLast; l++) {
        onLine(l, line(l), true, false);
      }
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
    if (table) {
      onTable(first, last);
    }
    for (int l = first; l <= last; l++) {
      Work.step();
      String text = line(l);
      if (paragraph) {
        onField(l, text);
      }
      onLine(l, text, false, block instanceof BlockQuote);
    }
    if (paragraph && statusWanted != null) {
      StringBuilder sb = new StringBuilder();
      for (int l = first; l <= last; l++) {
        sb.append(line(l)).append(' ');
      }
      statusTexts.add(scoped(new Field("Status", sb.toString().strip(), first)));
      statusWanted = null;
    }
  }

  /** Tasks, raw HTML and unsafe links: found in the tree, never inside block quotes for tasks. */
  private void collectNodes(Node block) {
    Deque<Node> todo = new ArrayDeque<>();
    Deque<Boolean> quoted = new ArrayDeque<>();
    todo.push(block);
    quoted.push(false);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      Work.step();
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

  /**
   * Where {@link #TASK_PREFIX} ends on {@code text} (0 if it does not match): spaces, a list
   * marker, spaces, a box, spaces.
   */
  static int taskPrefixEnd(String text) {
    int n = text.length();
    int i = skip(text, "");
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '*' || text.charAt(i) == '+')) {
      i++;
    } else {
      int digits = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i == digits || i >= n || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
        return 0;
      }
      i++;
    }
    int spaces = i;
    while (i < n && RefText.isRegexSpace(text.charAt(i))) {
      i++;
    }
    if (i == spaces
        || i + 2 >= n
        || text.charAt(i) != '['
        || " xX".indexOf(text.charAt(i + 1)) < 0
        || text.charAt(i + 2) != ']') {
      return 0;
    }
    i += 3;
    while (i < n && RefText.isRegexSpace(text.charAt(i))) {
      i++;
    }
    return i;
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
    String raw = line(line);
    String text = raw.substring(taskPrefixEnd(raw)).strip();
    List<String> path = new ArrayList<>();
    for (Open o : stack) {
      Work.step();
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
    Open refSection = nearestRefSection();
    if (refSection != null) {
      onRefSectionLine(refSection, l, text);
    } else if (!code) {
      RefText.Label label = RefText.label(text, true);
      if (label != null) {
        addRefs(RefText.targets(label.rest(), true), label.direction(), text, l);
      } else {
        for (Target t : RefText.targets(text, false)) {
          if (t.kind() == Kind.UNIT || t.kind() == Kind.QUALIFIED || t.kind() == Kind.PATH) {
            refs.add(new Reference(t, Direction.MENTION, text.strip(), at(l)));
          }
        }
      }
    }
    if (!code) {
      onGateText(text, l);
      onRiskText(text, l);
      if (startsAfter(text, " -*+", "file")) {
        Matcher ff = FILE_FIELD.matcher(text);
        if (ff.find()) {
          files.add(new FileChange(ff.group(1).strip(), "", l));
        }
      }
    }
    if (inSection(o -> o.files)) {
      onFileLine(text, l);
    }
    if (inSection(o -> o.urls)) {
      Matcher m = HTTP_LINK.matcher(text);
      while (m.find()) {
        String url = m.group(2) != null ? m.group(2) : m.group(3);
        String label = m.group(1) != null ? m.group(1).strip() : url;
        urls.add(new Link(label, url, l));
      }
    }
  }

  private void onRefSectionLine(Open section, int l, String text) {
    RefText.Label label = RefText.label(text, false);
    if (label != null && label.alone()) {
      section.subDirection = label.direction();
      return;
    }
    if (label == null && text.indexOf(':') >= 0 && OTHER_LABEL.matcher(text).matches()) {
      // A label we do not know ("Parallel Workstreams:"): what follows has no ordering.
      section.subDirection = Direction.RELATED;
      return;
    }
    Direction d =
        label != null
            ? label.direction()
            : section.subDirection != null ? section.subDirection : section.refDirection;
    String rest = label != null ? label.rest() : text;
    addRefs(RefText.targets(rest, true), d, text, l);
  }

  private void addRefs(List<Target> targets, Direction d, String text, int l) {
    for (Target t : targets) {
      refs.add(new Reference(t, d, text.strip(), at(l)));
    }
  }

  private Open nearestRefSection() {
    for (Open o : stack) {
      if (o.unit != null || o.phaseNumber != null) {
        return null;
      }
      if (o.refDirection != null) {
        return o;
      }
    }
    return null;
  }

  private boolean inSection(java.util.function.Predicate<Open> kind) {
    for (Open o : stack) {
      if (kind.test(o)) {
        return true;
      }
    }
    return false;
  }

  private void onField(int l, String text) {
    // Every field has a colon; only bold ones (** or __) split a line or match FIELD_BOLD, and a
    // plain one starts with a capital letter.
    if (text.indexOf(':') < 0) {
      return;
    }
    boolean bold = text.contains("**") || text.contains("__");
    if (!bold) {
      int i = skip(text, "");
      if (i == text.length() || text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
        return;
      }
    }
    for (String part : bold ? FIELD_SPLIT.split(text) : new String[] {text}) {
      Matcher b = bold ? FIELD_BOLD.matcher(part) : null;
      if (b != null && b.matches()) {
        addField(new Field(b.group(1).strip(), cleanValue(b.group(2)), l));
        continue;
      }
      Matcher p = FIELD_PLAIN.matcher(part);
      if (p.matches()) {
        addField(new Field(p.group(1).strip(), cleanValue(p.group(2)), l));
      }
    }
  }

  private void addField(Field f) {
    fields.add(scoped(f));
    Open phase = null;
    for (Open o : stack) {
      if (o.phaseNumber != null) {
        phase = o;
        break;
      }
    }
    if (phase == null || f.value().isEmpty()) {
      return;
    }
    String key = f.key().toLowerCase(Locale.ROOT);
    if (GOAL_KEYS.contains(key) && phase.goal.isEmpty()) {
      phase.goal = f.value();
    } else if (DURATION_KEYS.contains(key) && phase.duration.isEmpty()) {
      phase.duration = f.value();
    }
  }

  private Doc.ScopedField scoped(Field f) {
    Open top = stack.peek();
    return top == null ? new Doc.ScopedField(f, 0, 0) : new Doc.ScopedField(f, top.line, top.level);
  }

  /**
   * A field's value as plain text: no trailing break markers, emphasis, backticks or link syntax.
   */
  static String cleanValue(String v) {
    // Each pattern runs only if the value has what it needs: a space or line break at the end, a
    // backslash, "](", or "**", "__" or a backtick.
    String s = v;
    if (!s.isEmpty() && (RefText.isRegexSpace(s.charAt(s.length() - 1)) || hasLineTerminator(s))) {
      s = TRAILING_SPACES.matcher(s).replaceAll("");
    }
    if (s.indexOf('\\') >= 0) {
      s = TRAILING_BACKSLASH.matcher(s).replaceFirst("");
    }
    s = s.strip();
    if (s.contains("](")) {
      s = INLINE_LINK.matcher(s).replaceAll("$1");
    }
    if (s.contains("**") || s.contains("__") || s.indexOf('`') >= 0) {
      s = EMPHASIS_MARKS.matcher(s).replaceAll("");
    }
    return s.strip();
  }

  // ---- gates, risks, files, tables

  private void onGateText(String text, int l) {
    // GATE and GATE_RESULT_LINE start with "gate" after non-word characters.
    int word = 0;
    while (word < text.length() && !isWordChar(text.charAt(word))) {
      word++;
    }
    boolean gate = RefText.regionIgnoreCase(text, word, "gate");
    Matcher g = gate ? GATE.matcher(text) : null;
    if (g != null && g.matches()) {
      flushGate();
      String name = g.group(2).replaceAll("[*_`]", "").strip();
      pendingGate = new PendingGate(name, l);
      Matcher inline = RESULT_WORD.matcher(name);
      if (inline.find()) {
        pendingGate.result = result(inline.group(1));
      }
      return;
    }
    Matcher gr = gate ? GATE_RESULT_LINE.matcher(text) : null;
    if (gr != null && gr.matches()) {
      Matcher w = RESULT_WORD.matcher(gr.group(1));
      if (w.find()) {
        Open top = stack.peek();
        gates.add(new Gate(top == null ? "Gate" : top.text, result(w.group(1)), l));
      }
      return;
    }
    if (pendingGate != null && pendingGate.result.isEmpty() && text.indexOf(':') >= 0) {
      Matcher rl = RESULT_LABEL.matcher(text);
      if (rl.matches()) {
        Matcher w = RESULT_WORD.matcher(rl.group(1));
        if (w.find()) {
          pendingGate.result = result(w.group(1));
        }
      }
    }
  }

  private static String result(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return w.startsWith("PASS") ? "PASS" : w.startsWith("FAIL") ? "FAIL" : "CONDITIONAL";
  }

  private void flushGate() {
    if (pendingGate != null) {
      gates.add(new Gate(pendingGate.name, pendingGate.result, pendingGate.line));
      pendingGate = null;
    }
  }

  private void onRiskText(String text, int l) {
    if (text.indexOf(':') < 0) {
      return;
    }
    Matcher r = startsAfter(text, "-*+_", "risk") ? RISK_ENTRY.matcher(text) : null;
    if (r != null && r.matches()) {
      flushRisk();
      pendingRisk = new PendingRisk(r.group(1).replaceAll("[*_]", "").strip(), l);
      return;
    }
    if (pendingRisk != null) {
      Matcher d = RISK_DETAIL.matcher(text);
      if (d.matches()) {
        String key = d.group(1).toLowerCase(Locale.ROOT);
        String value = d.group(2).replaceAll("[*_]", "").strip();
        if (key.equals("mitigation")) {
          pendingRisk.mitigation = value;
        } else if (pendingRisk.impact.isEmpty()) {
          pendingRisk.impact = value;
        }
      }
    }
  }

  private void flushRisk() {
    if (pendingRisk != null) {
      risks.add(
          new Risk(pendingRisk.risk, pendingRisk.impact, pendingRisk.mitigation, pendingRisk.line));
      pendingRisk = null;
    }
  }

  private void onTable(int first, int last) {
    if (!inSection(o -> o.risks) || last - first < 2) {
      return;
    }
    List<String> head = cells(line(first));
    int impact = -1;
    int mitigation = -1;
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i).toLowerCase(Locale.ROOT);
      if (impact < 0 && h.matches(".*(impact|probability|likelihood|severity|level).*")) {
        impact = i;
      } else if (mitigation < 0 && h.matches(".*(mitigation|response|contingency|plan).*")) {
        mitigation = i;
      }
    }
    for (int l = first + 2; l <= last; l++) {
      List<String> row = cells(line(l));
      if (row.isEmpty() || row.get(0).isBlank()) {
        continue;
      }
      risks.add(new Risk(row.get(0), cell(row, impact), cell(row, mitigation), l));
    }
  }

  private static String cell(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : "";
  }

  private static List<String> cells(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|") && !r.endsWith("\\|")) {
      r = r.substring(0, r.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : r.split("(?<!\\\\)\\|", -1)) {
      out.add(c.replaceAll("[*_`]", "").strip());
    }
    return out;
  }

  private void onFileLine(String text, int l) {
    Matcher label = FILE_LABEL.matcher(text);
    if (label.matches()) {
      fileAction = action(label.group(1));
      return;
    }
    Matcher item = FILE_ITEM.matcher(text);
    if (item.find()) {
      String path = item.group(1).replaceAll("[`*,;:]+$", "");
      if ((path.contains("/") || path.matches(".*\\.[A-Za-z0-9]{1,8}"))
          && !path.startsWith("http")) {
        files.add(new FileChange(path, fileAction, l));
      }
    }
  }

  /** What {@code \\w} matches: ASCII letters, digits and the underscore. */
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * The index of the first character of {@code text} that is neither {@code \\s} nor in {@code
   * chars}.
   */
  private static int skip(String text, String chars) {
    int i = 0;
    while (i < text.length()
        && (RefText.isRegexSpace(text.charAt(i)) || chars.indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  /**
   * Whether {@code word} (lower case ASCII) follows the leading whitespace and {@code chars} of
   * {@code text}, ignoring ASCII case.
   */
  private static boolean startsAfter(String text, String chars, String word) {
    return RefText.regionIgnoreCase(text, skip(text, chars), word);
  }

  private static String action(String verb) {
    String v = verb.toLowerCase(Locale.ROOT);
    return v.startsWith("create") || v.startsWith("add") ? "create" : "update";
  }

  // ---- positions and text

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

  /** The text of a heading as a reader sees it: code kept, raw HTML dropped. */
  static String plainText(Node n) {
    StringBuilder sb = new StringBuilder();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(n);
    while (!todo.isEmpty()) {
      Node c = todo.pop();
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else if (c instanceof org.commonmark.node.SoftLineBreak
          || c instanceof org.commonmark.node.HardLineBreak) {
        sb.append(' ');
      }
      for (Node k = c.getLastChild(); k != null; k = k.getPrevious()) {
        todo.push(k);
      }
    }
    return collapseSpaces(sb).strip();
  }

  /** What {@code replaceAll("\\s+", " ")} gives, without a pattern. */
  static String collapseSpaces(CharSequence s) {
    int n = s.length();
    boolean plain = true;
    for (int i = 0; i < n && plain; i++) {
      char c = s.charAt(i);
      if (RefText.isRegexSpace(c)
          && (c != ' ' || (i + 1 < n && RefText.isRegexSpace(s.charAt(i + 1))))) {
        plain = false;
      }
    }
    if (plain) {
      return s.toString();
    }
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (RefText.isRegexSpace(c)) {
        out.append(' ');
        while (i + 1 < n && RefText.isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Heading text without numbering decoration, emphasis or trailing colons. */
  static String stripDecoration(String text) {
    if (hasLineTerminator(text)) {
      // "$" before a final line break: rare enough to leave to the patterns.
      return text.replaceAll("[*_]{2,}", "").replaceAll("\\s*:+\\s*$", "").strip();
    }
    // Runs of two or more * or _ go (single ones stay), then trailing colons with their spaces.
    String t = text;
    if (t.indexOf('*') >= 0 || t.indexOf('_') >= 0) {
      StringBuilder sb = null;
      int n = t.length();
      int i = 0;
      while (i < n) {
        int j = i;
        while (j < n && (t.charAt(j) == '*' || t.charAt(j) == '_')) {
          j++;
        }
        if (j - i >= 2) {
          if (sb == null) {
            sb = new StringBuilder(n);
            sb.append(t, 0, i);
          }
        } else if (j > i) {
          if (sb != null) {
            sb.append(t.charAt(i));
          }
        } else {
          if (sb != null) {
            sb.append(t.charAt(i));
          }
          j = i + 1;
        }
        i = j;
      }
      if (sb != null) {
        t = sb.toString();
      }
    }
    int end = t.length();
    while (end > 0 && RefText.isRegexSpace(t.charAt(end - 1))) {
      end--;
    }
    int colons = end;
    while (colons > 0 && t.charAt(colons - 1) == ':') {
      colons--;
    }
    if (colons < end) {
      while (colons > 0 && RefText.isRegexSpace(t.charAt(colons - 1))) {
        colons--;
      }
      t = t.substring(0, colons);
    }
    return t.strip();
  }

  private static boolean hasLineTerminator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * Bounds how deep lists and block quotes can nest, so that a hostile file cannot exhaust the
   * stack of the (recursive) renderer: indentation beyond {@link #MAX_INDENT} columns and more than
   * {@link #MAX_QUOTE_DEPTH} quote markers are cut, and a warning names the first such line. Tasks
   * keep counting: a flattened item is still an item.
   */
  /**
   * The index after a list marker ({@code -}, {@code *}, {@code +}, {@code 12.}, {@code 3)}) and
   * its space at {@code i}, or -1.
   */
  private static int listMarkerEnd(String text, int i, int end) {
    int j = i;
    char c = text.charAt(j);
    if (c == '-' || c == '*' || c == '+') {
      j++;
    } else {
      while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
        j++;
      }
      if (j == i || j >= end || (text.charAt(j) != '.' && text.charAt(j) != ')')) {
        return -1;
      }
      j++;
    }
    return j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t') ? j + 1 : -1;
  }

  static String capNesting(String text, Path root, String source, List<Diagnostic> problems) {
    int firstCut = 0;
    int deepest = 0;
    StringBuilder out = null;
    int lineNo = 0;
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      lineNo++;
      int indent = 0;
      int quotes = 0;
      // Containers opened on this line: quote markers and list markers (`- - - x` nests too).
      int containers = 0;
      int keepTo = -1;
      // Where the line's first list marker (or its text) starts, and the indentation before it.
      int lead = -1;
      int leadIndent = 0;
      int leadQuotes = 0;
      int i = start;
      while (i < end) {
        char c = text.charAt(i);
        if (c == ' ') {
          indent++;
        } else if (c == '\t') {
          indent += 4;
        } else if (c == '>') {
          quotes++;
          containers++;
        } else {
          int marker = listMarkerEnd(text, i, end);
          if (lead < 0) {
            lead = i;
            leadIndent = indent;
            leadQuotes = quotes;
          }
          if (marker < 0) {
            break;
          }
          containers++;
          i = marker - 1;
        }
        i++;
        if (containers == MAX_QUOTE_DEPTH && keepTo < 0) {
          keepTo = i;
        }
      }
      if (lead < 0) {
        lead = i;
        leadIndent = indent;
        leadQuotes = quotes;
      }
      if (leadIndent > MAX_INDENT || containers > MAX_QUOTE_DEPTH) {
        if (out == null) {
          out = new StringBuilder(text.length());
          out.append(text, 0, start);
        }
        if (firstCut == 0) {
          firstCut = lineNo;
        }
        deepest = Math.max(deepest, Math.max(leadIndent / 2, containers));
        if (containers > MAX_QUOTE_DEPTH) {
          // Keep the first containers, with their spacing squeezed, and the line's text.
          String kept = text.substring(start, keepTo);
          out.append(kept.length() > MAX_INDENT ? kept.replaceAll("[ \t]+", " ") : kept);
          out.append(' ');
        } else {
          out.append(" ".repeat(MAX_INDENT));
          out.append(">".repeat(leadQuotes));
          if (leadQuotes > 0) {
            out.append(' ');
          }
          i = lead;
        }
        out.append(text, i, end);
        if (nl >= 0) {
          out.append('\n');
        }
      } else if (out != null) {
        out.append(text, start, nl < 0 ? end : end + 1);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    if (out == null) {
      return text;
    }
    problems.add(
        Diagnostic.warning(
                Position.of(root.resolve(source), source, firstCut),
                "nesting about "
                    + deepest
                    + " levels deep; flattened below "
                    + MAX_INDENT / 2
                    + " levels")
            .withHint("split the list into sections"));
    return out.toString();
  }
}
