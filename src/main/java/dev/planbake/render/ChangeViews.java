package dev.planbake.render;

import dev.planbake.model.Changelog;
import dev.planbake.model.Changelog.Kind;
import dev.planbake.model.Commit;
import dev.planbake.model.FileHistory;
import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Repository;
import dev.planbake.model.Status;
import dev.planbake.scan.PlanSource;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /changes/} and {@code /changes.atom}: the changelog week by week (weeks start on Monday,
 * newest first) and as an Atom feed of its newest entries. Every date is a commit's, so one commit
 * gives the same bytes.
 */
final class ChangeViews {
  /** The feed holds this many of the newest changes. */
  static final int FEED_ENTRIES = 100;

  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final Changelog log;
  private final Freshness freshness;
  private final Map<String, Plan> planOfFile = new HashMap<>();

  /** The plans of several files (a spec-kit feature folder) by their folder. */
  private final Map<String, Plan> planOfFolder = new HashMap<>();

  private final List<Row> rows;

  ChangeViews(Repository repo, Freshness freshness) {
    this.log = freshness.changelog();
    this.freshness = freshness;
    for (Plan p : repo.plans()) {
      p.files().forEach(f -> planOfFile.put(f, p));
      int slash = p.source().lastIndexOf('/');
      if (p.files().size() > 1 && slash > 0) {
        planOfFolder.put(p.source().substring(0, slash), p);
      }
    }
    this.rows = rows();
  }

  /**
   * One line of the list: what one commit did to one plan as the site shows plans (the entries of a
   * feature folder's files merged) or to one unit.
   *
   * @param e the entry it stands for (the plan's primary file's, if it was among them)
   * @param plan the plan it links to, or null
   * @param title the plan's or unit's title, with a label when another line of the commit would
   *     read the same
   * @param text what happened
   * @param ticked boxes ticked by the commit in the files merged
   * @param done ticked boxes after the commit in the files merged
   * @param total all boxes after the commit in the files merged
   */
  private record Row(
      Changelog.Entry e, Plan plan, String title, String text, int ticked, int done, int total) {}

  /** The rows of every commit, newest first (a commit's entries are next to each other). */
  private List<Row> rows() {
    List<Row> out = new ArrayList<>();
    List<Changelog.Entry> all = log.entries();
    for (int i = 0, j; i < all.size(); i = j) {
      String id = all.get(i).commit().id();
      j = i;
      while (j < all.size() && all.get(j).commit().id().equals(id)) {
        j++;
      }
      out.addAll(commit(all.subList(i, j)));
    }
    return out;
  }

  /** One commit's rows: entries about one feature folder merged, same-reading rows labelled. */
  private List<Row> commit(List<Changelog.Entry> entries) {
    // The commit's files, to tell which of those gone since made a feature folder.
    List<String> touched = new ArrayList<>();
    for (Changelog.Entry e : entries) {
      touched.add(e.source());
    }
    Collections.sort(touched);
    Map<String, List<Changelog.Entry>> groups = new LinkedHashMap<>();
    Map<String, Plan> plans = new HashMap<>();
    Map<String, String> folders = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Changelog.Entry e = entries.get(i);
      Plan plan = planOfFile.get(e.now() == null ? e.source() : e.now());
      String folder = "";
      if (plan != null && plan.files().size() > 1) {
        folder = plan.source().substring(0, Math.max(0, plan.source().lastIndexOf('/')));
      } else if (plan == null) {
        folder = PlanSource.folderOf(e.source(), touched);
        plan = planOfFolder.get(folder);
      }
      // A folder's files are one plan: one line for files added, one for files removed, one for
      // the rest (a file's own status is not the plan's: boxes ticked in one file are ticks).
      String key =
          folder.isEmpty()
              ? "entry " + i
              : "folder "
                  + folder
                  + " "
                  + (e.kind() == Kind.ADDED || e.kind() == Kind.REMOVED ? e.kind() : "changed");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      if (plan != null) {
        plans.put(key, plan);
      }
      folders.put(key, folder);
    }
    List<Row> out = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    groups.forEach(
        (key, group) -> {
          Plan plan = plans.get(key);
          out.add(row(group, plan, !folders.get(key).isEmpty()));
          labels.add(folders.get(key).isEmpty() ? group.get(0).source() : folders.get(key));
        });
    // Two lines that would read the same (same change, same title) say which file each is about.
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : out) {
      seen.merge(r.text() + "\u0000" + r.title(), 1, Integer::sum);
    }
    for (int k = 0; k < out.size(); k++) {
      Row r = out.get(k);
      if (seen.get(r.text() + "\u0000" + r.title()) > 1) {
        out.set(
            k,
            new Row(
                r.e(),
                r.plan(),
                r.title() + " (" + labels.get(k) + ")",
                r.text(),
                r.ticked(),
                r.done(),
                r.total()));
      }
    }
    return out;
  }

  /** The line for {@code group}: entries of one commit about one plan, or one entry alone. */
  private Row row(List<Changelog.Entry> group, Plan plan, boolean folder) {
    Changelog.Entry primary = group.get(0);
    int ticked = 0;
    int done = 0;
    int total = 0;
    for (Changelog.Entry e : group) {
      if (plan != null && plan.source().equals(e.now() == null ? e.source() : e.now())) {
        primary = e;
      }
      ticked += e.ticked();
      done += e.done();
      total += e.total();
    }
    Kind kind = primary.kind();
    boolean changed = kind != Kind.ADDED && kind != Kind.REMOVED;
    Status from = primary.from();
    if (folder && changed && ticked > 0) {
      kind = Kind.TICKED;
      from = primary.to();
    }
    Changelog.Entry merged =
        new Changelog.Entry(
            primary.commit(),
            primary.source(),
            primary.now(),
            primary.title(),
            kind,
            from,
            primary.to(),
            ticked,
            done,
            total);
    String text = what(merged);
    String title = primary.title().isEmpty() ? primary.source() : primary.title();
    if (folder && plan != null) {
      title = plan.title();
      boolean stays = kind == Kind.REMOVED;
      boolean older = kind == Kind.ADDED && createdBefore(plan, primary.commit());
      if (stays || older) {
        // The plan was there before the commit (or is there after it): a file of it came or went.
        List<String> names = new ArrayList<>();
        group.forEach(e -> names.add(e.source().substring(e.source().lastIndexOf('/') + 1)));
        text = (stays ? "File removed: " : "File added: ") + String.join(", ", names);
      }
    }
    return new Row(merged, plan, title, text, ticked, done, total);
  }

  /** Whether one of {@code plan}'s files was committed before {@code commit}. */
  private boolean createdBefore(Plan plan, Commit commit) {
    for (String f : plan.files()) {
      FileHistory h = freshness.history().of(plan.root().resolve(f));
      if (h != null && h.created() != null && h.created().when().isBefore(commit.when())) {
        return true;
      }
    }
    return false;
  }

  View.ChangesPage page(String root) {
    Map<LocalDate, List<View.ChangeItem>> weeks = new LinkedHashMap<>();
    for (Row r : rows) {
      LocalDate monday = r.e().commit().date().with(DayOfWeek.MONDAY);
      weeks.computeIfAbsent(monday, k -> new ArrayList<>()).add(item(r, root));
    }
    List<View.ChangeWeek> out = new ArrayList<>();
    weeks.forEach(
        (monday, items) ->
            out.add(
                new View.ChangeWeek("Week of " + monday.format(WEEK), monday.toString(), items)));
    return new View.ChangesPage(
        log.since() == null ? "" : log.since().toString(), log.partial(), rows.size(), out);
  }

  private View.ChangeItem item(Row r, String root) {
    Changelog.Entry e = r.e();
    return new View.ChangeItem(
        e.kind().name().toLowerCase(Locale.ROOT),
        r.text(),
        r.title(),
        r.plan() == null ? "" : root + Urls.plan(r.plan()),
        Views.status(e.to()),
        Views.progress(new Progress(e.done(), e.total())),
        e.commit().date().toString(),
        e.commit().author(),
        e.commit().shortId(),
        freshness.url(e.commit()));
  }

  /** What happened, in a few words: "Finished", "Planned → In progress", "3 boxes ticked". */
  static String what(Changelog.Entry e) {
    return switch (e.kind()) {
      case ADDED -> "Plan added";
      case REMOVED -> "Plan removed";
      case FINISHED -> "Finished";
      case STATUS -> e.from().label() + " → " + e.to().label();
      case TICKED -> e.ticked() + (e.ticked() == 1 ? " box ticked" : " boxes ticked");
    };
  }

  /** The Atom feed (RFC 4287) of the newest changes; links are absolute with a base URL. */
  String atom(String siteTitle, String baseUrl) {
    String base = baseUrl.isEmpty() || baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <title>")
        .append(Escape.xml(siteTitle + ": what changed"))
        .append("</title>\n")
        .append("  <id>")
        .append(uuid("feed " + siteTitle))
        .append("</id>\n")
        .append("  <updated>")
        .append(
            rows.isEmpty()
                ? freshness.history().head().when().toString()
                : rows.get(0).e().commit().when().toString())
        .append("</updated>\n")
        .append("  <generator>Planbake</generator>\n");
    if (!base.isEmpty()) {
      b.append("  <link rel=\"self\" href=\"")
          .append(Escape.xml(base + "changes.atom"))
          .append("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(Escape.xml(base + "changes/"))
          .append("\"/>\n");
    }
    int n = 0;
    for (Row r : rows) {
      if (n++ == FEED_ENTRIES) {
        break;
      }
      Changelog.Entry e = r.e();
      View.ChangeItem item = item(r, base);
      String title = item.text() + ": " + item.title();
      b.append("  <entry>\n    <title>")
          .append(Escape.xml(title))
          .append("</title>\n    <id>")
          .append(uuid(e.commit().id() + " " + e.source() + " " + e.title() + " " + e.kind()))
          .append("</id>\n    <updated>")
          .append(e.commit().when())
          .append("</updated>\n    <author><name>")
          .append(Escape.xml(e.commit().author().isEmpty() ? "unknown" : e.commit().author()))
          .append("</name></author>\n");
      if (!item.url().isEmpty()) {
        b.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
            .append(Escape.xml(item.url()))
            .append("\"/>\n");
      }
      b.append("    <summary>")
          .append(
              Escape.xml(
                  title
                      + " ("
                      + e.to().label().toLowerCase(Locale.ROOT)
                      + (e.total() > 0 ? ", " + e.done() + "/" + e.total() + " tasks" : "")
                      + ") in commit "
                      + e.commit().shortId()
                      + ": "
                      + e.commit().subject()))
          .append("</summary>\n  </entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  private static String uuid(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
