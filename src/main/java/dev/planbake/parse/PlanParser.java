package dev.planbake.parse;

import dev.planbake.config.Yaml;
import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import dev.planbake.model.Content;
import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Reference;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Style;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the files of one plan into a {@link Plan}: identity, title, style, metadata, declared
 * status, and its units with their content. Problems become diagnostics; parsing never throws on
 * content.
 */
public final class PlanParser {
  /** More boxes than this in one file is reported: a checklist that size is rarely a plan. */
  static final int MANY_TASKS = 10_000;

  static final Pattern H1_ALIAS = Pattern.compile("\\s*\\((#\\d+)\\)\\s*$");
  private static final Pattern MD_SUFFIX = Pattern.compile("(?i)\\.md$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:—–-]+$");
  private static final Pattern DASHES = Pattern.compile("[-_]+");
  private static final Pattern TITLE_PREFIX =
      Pattern.compile(
          "(?i)^(?:technical implementation plan|implementation plan|plan spec|feature specification"
              + "|tasks)\\s*[:—–-]\\s*");
  private static final Pattern TITLE_SUFFIX =
      Pattern.compile("(?i)\\s*[:—–-]?\\s*implementation plan\\s*$");
  private static final Pattern UNIT_TITLE =
      Pattern.compile("(?i)^units?\\s+(\\d+(?:\\.\\d+)+)\\s*(?:[:—–.-]\\s*(.*))?$");
  private static final Pattern GSD_PLAN =
      Pattern.compile("(\\d+(?:\\.\\d+)*-\\d+)-plan\\.md", Pattern.CASE_INSENSITIVE);

  private PlanParser() {}

  /** Parses one plan, its HTML kept deflated; its problems go to {@code diagnostics}. */
  public static Plan parse(PlanSource src, Diagnostics diagnostics) {
    return parse(src, diagnostics, true);
  }

  /**
   * Parses one plan; its problems go to {@code diagnostics}. {@code packHtml} keeps its documents'
   * HTML deflated ({@link dev.planbake.model.Html#worthPacking}).
   */
  public static Plan parse(PlanSource src, Diagnostics diagnostics, boolean packHtml) {
    List<Parsed> parsed = new ArrayList<>();
    for (PlanSource.File f : src.files()) {
      String prefix = parsed.isEmpty() ? "" : anchorPrefix(f.source());
      parsed.add(readFile(src.root(), f, prefix, diagnostics, packHtml));
    }
    return src.isFeatureFolder()
        ? FolderPlans.of(src, parsed)
        : singleFile(src.root(), parsed.get(0));
  }

  /** One file's header and body, read. */
  record Parsed(String source, List<Yaml.Entry> header, Doc doc, Legend legend, String objective) {}

  /**
   * The anchor prefix of a feature folder's secondary file ({@code tasks-}), shared by its headings
   * and by links into it.
   */
  public static String anchorPrefix(String source) {
    return Slugs.of(
            MD_SUFFIX.matcher(source.substring(source.lastIndexOf('/') + 1)).replaceFirst(""))
        + "-";
  }

  private static Parsed readFile(
      Path root, PlanSource.File f, String idPrefix, Diagnostics diagnostics, boolean packHtml) {
    Position at = Position.of(root.resolve(f.source()), f.source(), 1);
    if (f.text().isBlank()) {
      diagnostics.add(
          Diagnostic.warning(at, "empty file").withHint("add a title and tasks, or delete it"));
    }
    Header header = Header.split(f.text());
    if (!header.problem().isEmpty()) {
      diagnostics.add(Diagnostic.error(at.atLine(header.problemLine()), header.problem()));
    }
    FrontMatterTypes.check(header.entries(), at, diagnostics);
    Doc doc = DocumentReader.read(root, f.source(), header.body(), idPrefix, packHtml);
    diagnostics.addAll(doc.problems());
    int tasks = doc.content().tasks().size();
    if (tasks > MANY_TASKS) {
      diagnostics.add(
          Diagnostic.warning(
                  at.atLine(doc.content().tasks().get(0).line()),
                  String.format(Locale.ROOT, "%,d tasks in one file", tasks))
              .withHint("split it into several plans"));
    }
    return new Parsed(
        f.source(),
        header.entries(),
        doc,
        Legend.read(header.body()),
        Objective.title(header.body()));
  }

  /**
   * Makes slugs unique across all plans, deterministically: plans whose slugs collide are named by
   * their folders too ({@code specs-readme}, {@code plans-readme}), then numbered.
   */
  public static List<Plan> uniqueSlugs(List<Plan> plans) {
    Set<String> seen = new java.util.HashSet<>(2 * plans.size());
    boolean unique = true;
    for (Plan p : plans) {
      unique &= seen.add(p.slug());
    }
    if (unique) {
      return plans;
    }
    java.util.Map<String, Integer> count = new java.util.HashMap<>();
    for (Plan p : plans) {
      count.merge(p.slug(), 1, Integer::sum);
    }
    Set<String> taken = new java.util.HashSet<>();
    for (Plan p : plans) {
      if (count.get(p.slug()) == 1) {
        taken.add(p.slug());
      }
    }
    List<Plan> out = new ArrayList<>(plans.size());
    for (Plan p : plans) {
      if (count.get(p.slug()) == 1) {
        out.add(p);
        continue;
      }
      String[] dirs = p.source().split("/");
      String slug = p.slug();
      for (int i = dirs.length - 2; i >= 0 && taken.contains(slug); i--) {
        slug = Slugs.of(dirs[i] + "-" + slug);
      }
      String base = slug;
      for (int n = 2; !taken.add(slug); n++) {
        slug = base + "-" + n;
      }
      out.add(
          new Plan(
              slug,
              p.root(),
              p.source(),
              p.files(),
              p.style(),
              p.title(),
              p.metadata(),
              p.documents(),
              p.units(),
              p.rest(),
              p.multiUnit()));
    }
    return out;
  }

  // ---- single files

  private static Plan singleFile(Path root, Parsed p) {
    Doc doc = p.doc();
    Meta meta = Meta.of(p.header(), doc);
    String h1 = doc.h1();
    List<String> aliases = new ArrayList<>(meta.aliases());
    Matcher alias = H1_ALIAS.matcher(h1);
    if (alias.find()) {
      aliases.add(alias.group(1));
      h1 = h1.substring(0, alias.start());
    }
    for (String a : Aliases.of(p.source(), p.header(), h1)) {
      if (aliases.stream().noneMatch(a::equalsIgnoreCase)) {
        aliases.add(a);
      }
    }
    Matcher unitTitle = UNIT_TITLE.matcher(PlainText.stripDecoration(h1));
    List<Doc.UnitHeading> heads = doc.units();
    boolean multi =
        heads.size() >= 2 || (heads.size() == 1 && heads.get(0).line() != doc.firstHeadingLine());
    String localId = meta.unit();
    String title = meta.title();
    if (title.isEmpty()) {
      if (unitTitle.matches()) {
        title = unitTitle.group(2) == null ? "" : unitTitle.group(2).strip();
      } else {
        title = cleanTitle(h1);
      }
    }
    if (localId.isEmpty() && unitTitle.matches() && !multi) {
      localId = unitTitle.group(1);
    }
    if (title.isEmpty()) {
      title = fallbackTitle(p, doc);
    }
    Style style =
        Styles.detect(p.source(), doc, meta, !localId.isEmpty() || !heads.isEmpty(), false);
    DeclaredStatus declared =
        StatusReader.declared(meta, doc, p.legend(), p.source(), l -> true, 0);
    Content all = doc.content().plus(frontMatterRefs(root, p.source(), meta));
    String slug = Slugs.ofFile(p.source());
    if (!multi) {
      PlanUnit unit = new PlanUnit(localId, title, 1, "", declared, aliases, all);
      return new Plan(
          slug,
          root,
          p.source(),
          List.of(p.source()),
          style,
          title,
          meta.metadata(),
          List.of(doc.document()),
          List.of(unit),
          Content.EMPTY,
          false);
    }
    List<PlanUnit> units = new ArrayList<>();
    Content rest = all;
    List<DeclaredStatus> statuses = StatusReader.ofUnits(meta, doc, p.legend(), p.source(), heads);
    for (int i = 0; i < heads.size(); i++) {
      Doc.UnitHeading h = heads.get(i);
      IntPredicate in = l -> l >= h.line() && l <= h.endLine();
      Content part = Contents.within(all, in);
      rest = Contents.within(rest, in.negate());
      units.add(
          new PlanUnit(h.id(), h.title(), h.line(), h.anchor(), statuses.get(i), List.of(), part));
    }
    return new Plan(
        slug,
        root,
        p.source(),
        List.of(p.source()),
        Style.UNIT,
        title,
        meta.metadata(),
        List.of(doc.document()),
        units,
        rest,
        true);
  }

  // ---- references from front matter

  static Content frontMatterRefs(Path root, String source, Meta meta) {
    List<Reference> refs = new ArrayList<>();
    Matcher gsd = Slugs.GSD.matcher(MD_SUFFIX.matcher(fileName(source)).replaceFirst(""));
    String phase = gsd.matches() ? gsd.group(1) : null;
    for (Meta.RefEntry e : meta.refs()) {
      for (String v : e.values()) {
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
          continue;
        }
        // In a GSD plan, depends_on: [01] names plan 01 of its own phase.
        String value = phase != null && v.strip().matches("\\d{1,3}") ? gsdPlan(gsd, v.strip()) : v;
        refs.add(
            new Reference(
                RefText.frontMatterTarget(value),
                e.direction(),
                e.key() + ": " + v,
                Position.of(root.resolve(source), source, e.line())));
      }
    }
    if (refs.isEmpty()) {
      return Content.EMPTY;
    }
    return new Content(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), refs);
  }

  /** Plan {@code number} of the phase of the GSD plan {@code own} matched, as wide as its own. */
  private static String gsdPlan(Matcher own, String number) {
    String id = own.group(1);
    int dash = id.lastIndexOf('-');
    StringBuilder n = new StringBuilder(number);
    while (n.length() < id.length() - dash - 1) {
      n.insert(0, '0');
    }
    return id.substring(0, dash + 1) + n;
  }

  private static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  // ---- titles

  static String cleanTitle(String h1) {
    String t = Fields.withoutAnchor(PlainText.stripDecoration(h1));
    t = TITLE_PREFIX.matcher(t).replaceFirst("");
    t = TITLE_SUFFIX.matcher(t).replaceFirst("");
    return TRAILING_PUNCTUATION.matcher(t).replaceAll("").strip();
  }

  /**
   * The title of a plan without a title or H1: a GSD plan's objective, else its phase and plan
   * ("Mfa cross device — plan 01"), else the first heading, else the file name.
   */
  private static String fallbackTitle(Parsed p, Doc doc) {
    if (!p.objective().isEmpty()) {
      return p.objective();
    }
    Matcher gsd = GSD_PLAN.matcher(p.source().substring(p.source().lastIndexOf('/') + 1));
    String phase = "";
    String plan = "";
    for (Yaml.Entry e : p.header()) {
      if (e.key().equals("phase")) {
        phase = e.scalar();
      } else if (e.key().equals("plan")) {
        plan = e.scalar();
      }
    }
    if (!phase.isEmpty()) {
      String name = humanize(phase.replaceFirst("^[\\d.]+-", ""));
      return plan.isEmpty() ? name : name + " — plan " + plan;
    }
    String file =
        MD_SUFFIX.matcher(p.source().substring(p.source().lastIndexOf('/') + 1)).replaceFirst("");
    if (!doc.firstHeading().isEmpty()) {
      return cleanTitle(doc.firstHeading());
    }
    return gsd.matches() ? file : humanize(file);
  }

  static String humanize(String slug) {
    String words = DASHES.matcher(slug).replaceAll(" ").strip();
    return words.isEmpty() ? slug : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Directions of front-matter keys, for the assembly above. */
  static Direction directionOfKey(String key) {
    return switch (key.toLowerCase(Locale.ROOT).replace('-', '_')) {
      // Backlog.md writes "dependencies: [task-213]" and "parent_task_id: task-215".
      case "depends_on",
          "dependson",
          "dependencies",
          "requires",
          "upstream",
          "after",
          "blocked_by" ->
          Direction.DEPENDS_ON;
      case "blocks", "downstream", "enables" -> Direction.ENABLES;
      case "related", "see_also", "parent", "parent_task_id", "parent_task" -> Direction.RELATED;
      default -> null;
    };
  }
}
