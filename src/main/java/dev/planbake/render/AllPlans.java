package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /plans/}: every plan and unit in one table, by folder and file, with the choices of its
 * filters. Complete without JavaScript, which only adds the filters ({@code plans.js}) and sorting.
 */
final class AllPlans {
  static final String PATH = "plans/index.html";

  private final Pages pages;
  private final Theme theme;
  private final Views views;
  private final Repository repo;
  private final Memo memo;

  /**
   * @param memo what the last table was made of, to reuse (null: a one-shot build, which makes the
   *     table once)
   */
  AllPlans(Pages pages, Theme theme, Views views, Repository repo, Memo memo) {
    this.pages = pages;
    this.theme = theme;
    this.views = views;
    this.repo = repo;
    this.memo = memo == null ? new Memo() : memo;
  }

  /** What a plan gives each of its rows: its tags, folder and dates. */
  private record PlanCells(
      Plan plan,
      View.PlanHistory git,
      List<View.TagLink> tags,
      String folder,
      String created,
      String updated) {}

  /** A row as made last time, from this unit reference and these cells of its plan. */
  private record Made(View.UnitRef ref, PlanCells cells, View.PlanRow row) {}

  /**
   * What a kept session ({@code serve}) carries from one table to the next: each plan's cells by
   * the plan object, each unit's row with what it was made of, and the plans' order by file. An
   * edit gives new objects to one plan and the units whose references changed; every other row is
   * the last one, found by comparing objects with themselves. Used by one thread at a time.
   */
  static final class Memo {
    private Map<Plan, PlanCells> cells = new IdentityHashMap<>();
    private Map<UnitId, Made> rows = new HashMap<>();

    /** Each plan's place in the last order by file, by its file. */
    private Map<String, Integer> places = Map.of();
  }

  /** A choice of a filter and how many rows have it, counted as rows are added. */
  private static void count(Map<String, View.Choice> choices, String value, String label) {
    View.Choice c = choices.get(value);
    choices.put(value, new View.Choice(value, label, c == null ? 1 : c.count() + 1));
  }

  Page render() {
    String root = "../";
    List<View.PlanRow> rows = new ArrayList<>();
    Map<String, View.Choice> statuses = new HashMap<>();
    Map<String, View.Choice> owners = new TreeMap<>();
    Map<String, View.Choice> tags = new TreeMap<>();
    Map<Plan, PlanCells> cellsNow = new IdentityHashMap<>(2 * repo.plans().size());
    Map<UnitId, Made> rowsNow = new HashMap<>(2 * memo.rows.size());
    for (Plan p : byFile()) {
      PlanCells cells = cells(p, root);
      cellsNow.put(p, cells);
      for (Unit u : pages.units(p)) {
        View.UnitRef ref = views.ref(u, root);
        Made was = memo.rows.get(u.id());
        View.PlanRow row;
        if (was != null && was.ref() == ref && was.cells() == cells) {
          row = was.row();
        } else {
          String ownerSlug = ref.owner().isEmpty() ? "" : Urls.nameSlug(ref.owner());
          row =
              views
                  .rows()
                  .drawn(
                      "plan-row",
                      ref,
                      new View.PlanRow(
                          ref,
                          ownerSlug,
                          cells.tags(),
                          cells.folder(),
                          cells.created(),
                          cells.updated(),
                          ""),
                      View.PlanRow::withHtml);
        }
        rowsNow.put(u.id(), new Made(ref, cells, row));
        rows.add(row);
        count(statuses, ref.status().slug(), ref.status().label());
        if (!row.ownerSlug().isEmpty()) {
          count(owners, row.ownerSlug(), ref.owner());
        }
        for (View.TagLink t : cells.tags()) {
          count(tags, t.slug(), t.name());
        }
      }
    }
    memo.cells = cellsNow;
    memo.rows = rowsNow;
    List<View.Choice> byStanding = new ArrayList<>();
    for (Standing st : Lists.ORDER) {
      View.Choice c = statuses.get(st.slug());
      if (c != null) {
        byStanding.add(c);
      }
    }
    String description =
        repo.plans().size()
            + (repo.plans().size() == 1 ? " plan, " : " plans, ")
            + rows.size()
            + (rows.size() == 1 ? " unit" : " units")
            + ": status, progress, owner, tags, folder and dates.";
    Map<String, Object> ctx = pages.context(root, pages.meta("All plans", description, "plans/"));
    ctx.put(
        "all",
        new View.AllPlans(
            rows, byStanding, List.copyOf(owners.values()), List.copyOf(tags.values())));
    return theme.page(PATH, "plans", ctx);
  }

  /**
   * The plans by file. An edit keeps every file where it was: the last order is then taken again by
   * each file's place instead of sorting a thousand paths.
   */
  private List<Plan> byFile() {
    List<Plan> plans = repo.plans();
    Plan[] placed = new Plan[plans.size()];
    boolean same = memo.places.size() == plans.size();
    for (int i = 0; same && i < plans.size(); i++) {
      Integer at = memo.places.get(plans.get(i).source());
      same = at != null && placed[at] == null;
      if (same) {
        placed[at] = plans.get(i);
      }
    }
    if (same) {
      return List.of(placed);
    }
    List<Plan> sorted = new ArrayList<>(plans);
    sorted.sort(Comparator.comparing(Plan::source));
    Map<String, Integer> places = new HashMap<>(2 * sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      places.put(sorted.get(i).source(), i);
    }
    memo.places = places;
    return sorted;
  }

  /** The cells of a plan's rows: the last ones if it is the same plan with the same git dates. */
  private PlanCells cells(Plan p, String root) {
    // The plan's own dates; without them, when git first and last saw its files.
    View.PlanHistory git = pages.freshness().of(p);
    PlanCells was = memo.cells.get(p);
    if (was != null && java.util.Objects.equals(was.git(), git)) {
      return was;
    }
    List<View.TagLink> links = new ArrayList<>();
    for (String t : p.metadata().tags()) {
      String url = Urls.tag(t);
      links.add(new View.TagLink(t, url.substring(5, url.length() - 1), root + url));
    }
    String folder = Pages.sourcePath(p);
    folder = folder.endsWith("/") ? folder : folder.substring(0, folder.lastIndexOf('/') + 1);
    String created = Views.isoDate(p.metadata().created());
    String updated = Views.isoDate(p.metadata().updated());
    if (git != null) {
      created = created.isEmpty() ? git.created() : created;
      updated = updated.isEmpty() ? git.changed() : updated;
    }
    return new PlanCells(p, git, List.copyOf(links), folder, created, updated);
  }
}
