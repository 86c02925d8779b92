package dev.planbake.render;

import java.util.List;

/**
 * The typed view models templates read. Every string here is plain text (templates escape it)
 * except fields named {@code html} or {@code svg} (and a plan's {@code neighbourhood}), which are
 * produced and sanitised by this package, some as {@link Utf8Html} (markup already encoded, which
 * prints as its text). URLs are relative to the page they appear on.
 */
final class View {
  private View() {}

  /** What every page knows about the site; {@code root} leads from the page to the site root. */
  public record Site(String title, String root, String generator) {}

  /**
   * The commit a site is built from, for every footer: its short and full id, its day, a link to it
   * ("" without a repository URL), and whether the clone was shallow (history partial).
   */
  public record Built(String shortId, String id, String date, String url, boolean shallow) {}

  /**
   * A plan's history: created (day, author, commit link; all "" when a shallow history does not
   * reach back to it) and last changed (day, author, short id, link), and whether history is
   * partial.
   */
  public record PlanHistory(
      String created,
      String createdBy,
      String createdUrl,
      String changed,
      String changedBy,
      String changedId,
      String changedUrl,
      boolean partial) {}

  /** Page head: title, description for search and link previews, canonical URL ("" if none). */
  public record Meta(String title, String description, String canonical, String ogTitle) {}

  public record Progress(int done, int total, int percent) {
    public boolean empty() {
      return total == 0;
    }

    public String text() {
      return done + "/" + total;
    }
  }

  /** A status with the glyph that shows it without colour. */
  public record Status(String slug, String label, String icon) {}

  /**
   * A unit as listed anywhere: in lists, tables, upstream and downstream. {@code status} is where
   * it stands (ready, blocked ...); {@code waiting} marks a unit started before everything it
   * depends on was finished; {@code note} says when its status and its boxes disagree.
   */
  public record UnitRef(
      String id,
      String label,
      String title,
      String url,
      Status status,
      Progress progress,
      boolean blocked,
      boolean ready,
      boolean waiting,
      String note,
      boolean placeholder,
      String owner,
      String ownerUrl,
      String date,
      boolean numbered) {}

  /**
   * A unit in a list, with the unfinished units it waits on and its author's reason if blocked;
   * {@code html} is the row as the {@code row} template draws it.
   */
  public record Row(UnitRef unit, List<UnitRef> waitingOn, String reason, String html) {
    Row withHtml(String drawn) {
      return new Row(unit, waitingOn, reason, drawn);
    }
  }

  /**
   * A unit as an item of a list of units ({@code html}: as the {@code unit-item} template draws
   * it).
   */
  public record Item(UnitRef unit, String html) {
    Item withHtml(String drawn) {
      return new Item(unit, drawn);
    }
  }

  public record Count(Status status, int count, String url) {}

  public record Problem(String severity, String location, String message, String hint) {}

  public record GateRow(UnitRef unit, String name, String result) {}

  /** The critical path in short: its length, its first units, and its last if not among them. */
  public record Chain(int length, List<UnitRef> first, UnitRef last) {}

  /**
   * The dashboard: the headline (plans, units and boxes done), a count per standing, the first rows
   * of three lists with the size of each, and how many problems the problems page lists.
   */
  public record Dashboard(
      Progress progress,
      int plans,
      int workPlans,
      int plansDone,
      int workUnits,
      int unitsDone,
      List<Count> counts,
      List<Row> inProgress,
      List<Row> ready,
      List<Row> blocked,
      int allInProgress,
      int allReady,
      int allBlocked,
      List<UnitRef> recent,
      Chain critical,
      int failedGates,
      int contradictions,
      int errors,
      int warnings) {
    public int problems() {
      return failedGates + contradictions + errors + warnings;
    }

    /** Every unit the counts count, work or not: the rows of the all-plans table. */
    public int units() {
      return counts.stream().mapToInt(Count::count).sum();
    }
  }

  /** A page of units; {@code ordered} when their order means something (a chain). */
  public record ListPage(
      String heading, String intro, Status status, List<Row> rows, boolean ordered) {}

  /** The authors' problems: failed gates, units whose status and boxes disagree, messages. */
  public record ProblemsPage(
      List<GateRow> failedGates,
      List<UnitRef> contradictions,
      List<Problem> problems,
      int moreProblems,
      int total) {}

  /** A value to filter the all-plans table by, with how many rows have it. */
  public record Choice(String value, String label, int count) {}

  /** A tag of a plan with its page. */
  public record TagLink(String name, String slug, String url) {}

  /**
   * A row of the all-plans table: one unit with its plan's folder, tags and dates; {@code html} is
   * the row as the {@code plan-row} template draws it.
   */
  public record PlanRow(
      UnitRef unit,
      String ownerSlug,
      List<TagLink> tags,
      String folder,
      String created,
      String updated,
      String html) {
    PlanRow withHtml(String drawn) {
      return new PlanRow(unit, ownerSlug, tags, folder, created, updated, drawn);
    }
  }

  /** Every plan and unit in one table, with the choices its filters offer. */
  public record AllPlans(
      List<PlanRow> rows, List<Choice> statuses, List<Choice> owners, List<Choice> tags) {}

  public record Phase(
      String name,
      int level,
      String anchor,
      Progress progress,
      String goal,
      String duration,
      String file) {}

  public record SectionBar(String title, String anchor, int level, Progress progress) {}

  /** A gate's result reads {@code —} when none is recorded. */
  public record Gate(String name, String result) {}

  public record Risk(String risk, String impact, String mitigation) {}

  public record FileChange(String path, String action) {}

  public record Link(String label, String url) {}

  public record TocEntry(int level, String title, String anchor) {}

  public record Field(String key, String value) {}

  /**
   * One unit's detail on its plan page: what it waits on, whether its author declared it blocked
   * and why, its phases, gates, risks, files, links and neighbours.
   */
  public record Detail(
      UnitRef unit,
      String anchor,
      List<UnitRef> waitingOn,
      boolean declaredBlocked,
      String reason,
      List<Phase> phases,
      List<Gate> gates,
      List<Risk> risks,
      List<FileChange> files,
      List<Link> urls,
      List<UnitRef> upstream,
      List<String> outside,
      List<UnitRef> downstream,
      List<UnitRef> related,
      List<UnitRef> mentionedBy,
      Utf8Html neighbourhood) {}

  /** One rendered file of a plan. */
  public record Doc(String source, String title, String anchor, String html, boolean primary) {}

  /**
   * A plan page. In a file with several units, each unit's header is put under its heading in the
   * text; {@code unplaced} are those whose heading was not found, shown before the text.
   */
  public record Plan(
      String slug,
      String title,
      String style,
      String source,
      String editUrl,
      List<Field> metadata,
      List<String> tags,
      Progress progress,
      boolean multi,
      List<Detail> units,
      List<Detail> unplaced,
      List<SectionBar> sections,
      List<TocEntry> toc,
      List<Doc> documents,
      String badge,
      String badgeMarkdown) {}

  public record Redirect(String target, String label) {}

  /** A unit in the graph's text alternative: what it depends on, and whether it is in a cycle. */
  /** A unit of a graph page as text ({@code html}: as the {@code graph-row} template draws it). */
  public record GraphRow(UnitRef unit, List<UnitRef> dependsOn, boolean inCycle, String html) {
    GraphRow withHtml(String drawn) {
      return new GraphRow(unit, dependsOn, inCycle, drawn);
    }
  }

  /**
   * A unit's focus view. {@code upstreamHtml} and {@code downstreamHtml} are the lists of every
   * unit on each side, made and escaped by {@link Focus}; {@code legendHtml} is {@code legend} as
   * the {@code focus-legend} template draws it; {@code group} is "" when the graph is whole.
   */
  public record FocusPage(
      String heading,
      String planUrl,
      String planText,
      String graphUrl,
      String group,
      String groupUrl,
      String upstream,
      String downstream,
      String upNumber,
      String downNumber,
      Utf8Html svg,
      int width,
      List<Status> legend,
      Utf8Html legendHtml,
      Utf8Html upstreamHtml,
      Utf8Html downstreamHtml,
      int upCount,
      int downCount) {}

  /** A group of the graph overview. */
  public record GraphGroup(
      String name, String url, int units, Progress progress, int upstream, int downstream) {}

  /**
   * A graph page: the drawing, a legend, and the same graph as text. {@code groups} is set on the
   * overview of a grouped graph, {@code rows} on pages that draw units.
   */
  public record GraphPage(
      String heading,
      String intro,
      String svg,
      int width,
      List<Status> legend,
      List<GraphGroup> groups,
      List<GraphRow> rows,
      String overview,
      int cycles) {}

  /** The timeline page: units by due date, month by month, and those without one. */
  public record TimelinePage(
      String today,
      int dated,
      int overdue,
      String svg,
      List<TimelineMonth> months,
      List<UnitRef> undated,
      List<Item> undatedItems) {}

  /** One month of the timeline. */
  public record TimelineMonth(String label, List<TimelineRow> rows) {}

  /** A unit on the timeline: its due date, and whether (and by how many days) it is overdue. */
  public record TimelineRow(
      UnitRef unit, String due, boolean overdue, int daysOverdue, String html) {
    TimelineRow withHtml(String drawn) {
      return new TimelineRow(unit, due, overdue, daysOverdue, drawn);
    }
  }

  /**
   * A burn-up: the drawing (with its own title and description), a sentence saying where the boxes
   * stand and came from, the projection's sentence ("" when there is none) or why there is none,
   * and the counts day by day for the table under it.
   */
  public record BurnupChart(
      String svg,
      String summary,
      String projection,
      String noProjection,
      List<BurnupRow> rows,
      boolean partial) {}

  /** The boxes at the end of one day with a commit. */
  public record BurnupRow(String day, int done, int total, int percent) {}

  /** The changes page: what changed in the plans, week by week, from git. */
  public record ChangesPage(String since, boolean partial, int count, List<ChangeWeek> weeks) {}

  /** One week of changes, newest first. */
  public record ChangeWeek(String label, String start, List<ChangeItem> items) {}

  /** One change to one unit or plan, with the commit that made it. */
  public record ChangeItem(
      String kind,
      String text,
      String title,
      String url,
      Status status,
      Progress progress,
      String date,
      String author,
      String shortId,
      String commitUrl) {}
}
