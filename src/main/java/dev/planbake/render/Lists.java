package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.model.Standing;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The pages that list units: one per standing ({@code /status/ready/}, {@code /status/none/} ...),
 * every planned unit, each owner's ({@code /owners/<name>/}) and each tag's ({@code /tags/<tag>/}).
 * Every unit is on exactly one standing's page, so those pages add up to the dashboard's counts.
 */
final class Lists {
  private Lists() {}

  /**
   * One page of units.
   *
   * @param url the page's folder, relative to the site root
   * @param nav what the site's navigation marks as current
   * @param holds which units it lists (placeholders are never listed)
   */
  record Listing(
      String url,
      String nav,
      String heading,
      String intro,
      View.Status status,
      Predicate<Unit> holds) {
    String path() {
      return url + "index.html";
    }
  }

  /** The order of the standings' pages, as the dashboard shows their counts. */
  static final List<Standing> ORDER =
      List.of(
          Standing.IN_PROGRESS,
          Standing.READY,
          Standing.BLOCKED,
          Standing.REVIEW,
          Standing.DRAFT,
          Standing.DONE,
          Standing.CANCELLED,
          Standing.NONE);

  static String intro(Standing s) {
    return switch (s) {
      case IN_PROGRESS ->
          "Units with work under way. One marked “started early” began before everything it"
              + " depends on was finished, and still waits on it.";
      case READY -> "Planned, not started, and everything they depend on is done or cancelled.";
      case BLOCKED ->
          "Units that cannot start: they wait on unfinished units, or their authors declared them"
              + " blocked.";
      case REVIEW -> "Units in review. One marked “started early” still waits on another unit.";
      case DRAFT ->
          "Plans still being written that wait on nothing; a draft that waits on unfinished work"
              + " is under Blocked.";
      case DONE -> "Finished units.";
      case CANCELLED -> "Units that will not be done. They block nothing.";
      case NONE ->
          "Pages with neither boxes nor a status (READMEs, notes, reviews): not work, so neither"
              + " ready nor blocked.";
    };
  }

  static Listing of(Standing s) {
    return new Listing(
        Urls.list(s.slug()),
        s.slug(),
        s.label(),
        intro(s),
        Views.standing(s),
        u -> u.standing() == s);
  }

  /** Every listing of the site: standings, planned, then owners and tags by name. */
  static List<Listing> all(Repository repo) {
    List<Listing> out = new ArrayList<>();
    for (Standing s : ORDER) {
      out.add(of(s));
    }
    out.add(
        new Listing(
            Urls.list("planned"),
            "planned",
            "Planned",
            "Every unit whose status is planned: the ready ones and the blocked ones.",
            Views.status(Status.PLANNED),
            u -> u.status() == Status.PLANNED));
    // Each plan's owner and tags made into URLs once: a predicate runs for every unit of a page.
    Map<String, String> owners = new TreeMap<>();
    Map<String, String> tags = new TreeMap<>();
    Map<String, String> ownerOf = new HashMap<>();
    Map<String, Set<String>> tagsOf = new HashMap<>();
    for (Plan p : repo.plans()) {
      String owner = p.metadata().owner().strip();
      if (!owner.isEmpty()) {
        String url = Urls.owner(owner);
        owners.putIfAbsent(url, owner);
        ownerOf.put(p.slug(), url);
      }
      for (String t : p.metadata().tags()) {
        String url = Urls.tag(t);
        tags.putIfAbsent(url, t);
        tagsOf.computeIfAbsent(p.slug(), k -> new HashSet<>()).add(url);
      }
    }
    View.Status person = new View.Status("owner", "Owner", "👤");
    owners.forEach(
        (url, name) ->
            out.add(
                new Listing(
                    url,
                    "owner",
                    name,
                    "The units " + name + " owns, whatever their status.",
                    person,
                    u -> url.equals(ownerOf.get(u.planSlug())))));
    View.Status tag = new View.Status("tag", "Tag", "#");
    tags.forEach(
        (url, name) ->
            out.add(
                new Listing(
                    url,
                    "tag",
                    name,
                    "The units of plans tagged “" + name + "”, whatever their status.",
                    tag,
                    u -> tagsOf.getOrDefault(u.planSlug(), Set.of()).contains(url))));
    return out;
  }
}
