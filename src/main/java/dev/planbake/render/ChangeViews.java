package dev.planbake.render;

import dev.planbake.model.Changelog;
import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Repository;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

  ChangeViews(Repository repo, Freshness freshness) {
    this.log = freshness.changelog();
    this.freshness = freshness;
    for (Plan p : repo.plans()) {
      p.files().forEach(f -> planOfFile.put(f, p));
    }
  }

  View.ChangesPage page(String root) {
    Map<LocalDate, List<View.ChangeItem>> weeks = new LinkedHashMap<>();
    for (Changelog.Entry e : log.entries()) {
      LocalDate monday = e.commit().date().with(DayOfWeek.MONDAY);
      weeks.computeIfAbsent(monday, k -> new ArrayList<>()).add(item(e, root));
    }
    List<View.ChangeWeek> out = new ArrayList<>();
    weeks.forEach(
        (monday, items) ->
            out.add(
                new View.ChangeWeek("Week of " + monday.format(WEEK), monday.toString(), items)));
    return new View.ChangesPage(
        log.since() == null ? "" : log.since().toString(),
        log.partial(),
        log.entries().size(),
        out);
  }

  private View.ChangeItem item(Changelog.Entry e, String root) {
    Plan plan = planOfFile.get(e.source());
    return new View.ChangeItem(
        e.kind().name().toLowerCase(Locale.ROOT),
        what(e),
        e.title().isEmpty() ? e.source() : e.title(),
        plan == null ? "" : root + Urls.plan(plan),
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
            log.entries().isEmpty()
                ? freshness.history().head().when().toString()
                : log.entries().get(0).commit().when().toString())
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
    for (Changelog.Entry e : log.entries()) {
      if (n++ == FEED_ENTRIES) {
        break;
      }
      View.ChangeItem item = item(e, base);
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
