package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  AllPlans(Pages pages, Theme theme, Views views, Repository repo) {
    this.pages = pages;
    this.theme = theme;
    this.views = views;
    this.repo = repo;
  }

  /** A choice of a filter and how many rows have it, counted as rows are added. */
  private static void count(Map<String, View.Choice> choices, String value, String label) {
    View.Choice c = choices.get(value);
    choices.put(value, new View.Choice(value, label, c == null ? 1 : c.count() + 1));
  }

  Page render() {
    String root = "../";
    Map<String, List<Unit>> byPlan = new HashMap<>();
    for (Unit u : repo.units()) {
      if (!u.placeholder()) {
        byPlan.computeIfAbsent(u.planSlug(), k -> new ArrayList<>()).add(u);
      }
    }
    List<View.PlanRow> rows = new ArrayList<>();
    Map<String, View.Choice> statuses = new HashMap<>();
    Map<String, View.Choice> owners = new TreeMap<>();
    Map<String, View.Choice> tags = new TreeMap<>();
    List<Plan> plans = new ArrayList<>(repo.plans());
    plans.sort(Comparator.comparing(Plan::source));
    for (Plan p : plans) {
      List<View.TagLink> links = new ArrayList<>();
      for (String t : p.metadata().tags()) {
        String url = Urls.tag(t);
        links.add(new View.TagLink(t, url.substring(5, url.length() - 1), root + url));
      }
      String folder = Pages.sourcePath(p);
      folder = folder.endsWith("/") ? folder : folder.substring(0, folder.lastIndexOf('/') + 1);
      // The plan's own dates; without them, when git first and last saw its files.
      View.PlanHistory git = pages.freshness().of(p);
      String created = Views.isoDate(p.metadata().created());
      String updated = Views.isoDate(p.metadata().updated());
      if (git != null) {
        created = created.isEmpty() ? git.created() : created;
        updated = updated.isEmpty() ? git.changed() : updated;
      }
      for (Unit u : byPlan.getOrDefault(p.slug(), List.of())) {
        View.UnitRef ref = views.ref(u, root);
        String ownerSlug = ref.owner().isEmpty() ? "" : Urls.nameSlug(ref.owner());
        rows.add(
            views
                .rows()
                .drawn(
                    "plan-row",
                    ref,
                    new View.PlanRow(ref, ownerSlug, links, folder, created, updated, ""),
                    View.PlanRow::withHtml));
        count(statuses, ref.status().slug(), ref.status().label());
        if (!ownerSlug.isEmpty()) {
          count(owners, ownerSlug, ref.owner());
        }
        for (View.TagLink t : links) {
          count(tags, t.slug(), t.name());
        }
      }
    }
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
}
