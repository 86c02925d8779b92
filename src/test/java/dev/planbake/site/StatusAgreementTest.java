package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.GenPlans;
import dev.planbake.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One definition of ready, blocked and waiting (issue 26): on a generated 1,000-plan site, the
 * dashboard's counts and cards, every status page, the all-plans table, every plan page's banner,
 * every badge and {@code status.json} place every unit in the same standing.
 */
class StatusAgreementTest {
  private static final List<String> STANDINGS =
      List.of("in-progress", "ready", "blocked", "review", "draft", "done", "cancelled", "none");

  /** A unit as status.json gives it. */
  private record Json(
      String id,
      String url,
      String status,
      String standing,
      boolean blocked,
      boolean ready,
      boolean waiting,
      List<String> dependsOn,
      List<String> waitingOn) {}

  @Test
  void everyCountListBadgeAndBannerAgreesWithStatusJsonUnitForUnit(@TempDir Path tmp)
      throws Exception {
    GenPlans.generate(tmp, 1000, 1, false);
    Path out = tmp.resolve("out");
    Site.build(Settings.defaults().withPlans(List.of(tmp.resolve("plans"))).withOut(out));

    Map<String, Json> units = read(out.resolve("status.json"));
    assertTrue(units.size() >= 1000, units.size() + " units");
    Map<String, Set<String>> byStanding = new TreeMap<>();
    for (Json u : units.values()) {
      byStanding.computeIfAbsent(u.standing(), k -> new TreeSet<>()).add(u.id());
    }
    // The generated site has work in every open standing, and started units that wait.
    for (String s : List.of("in-progress", "ready", "blocked", "done")) {
      assertFalse(byStanding.getOrDefault(s, Set.of()).isEmpty(), "no unit is " + s);
    }
    assertTrue(units.values().stream().anyMatch(Json::waiting), "no unit started early");

    // status.json against itself: the booleans are the standing, waiting_on the open prerequisites.
    for (Json u : units.values()) {
      assertTrue(STANDINGS.contains(u.standing()), u.id() + ": standing " + u.standing());
      assertEquals(u.standing().equals("blocked"), u.blocked(), u.id() + " blocked");
      assertEquals(u.standing().equals("ready"), u.ready(), u.id() + " ready");
      List<String> open = new ArrayList<>();
      for (String d : u.dependsOn()) {
        Json dep = units.get(d);
        if (dep != null && !Set.of("done", "cancelled", "none").contains(dep.standing())) {
          open.add(d);
        }
      }
      assertEquals(new TreeSet<>(open), new TreeSet<>(u.waitingOn()), u.id() + " waiting_on");
      boolean started = u.standing().equals("in-progress") || u.standing().equals("review");
      assertEquals(started && !open.isEmpty(), u.waiting(), u.id() + " waiting");
      if (u.standing().equals("ready")) {
        assertTrue(open.isEmpty(), u.id() + " is ready but waits on " + open);
      }
      if (!open.isEmpty() && Set.of("planned", "draft").contains(u.status())) {
        assertEquals("blocked", u.standing(), u.id() + " waits on " + open + " before starting");
      }
    }

    // The dashboard: a count per standing, the cards' sizes, and the headline's units done.
    Document dash = html(out.resolve("index.html"));
    int counted = 0;
    for (String s : STANDINGS) {
      int expected = byStanding.getOrDefault(s, Set.of()).size();
      Element count = dash.selectFirst("li.count-" + s + " .count-n");
      if (count == null) {
        assertEquals(0, expected, "the dashboard has no count for " + s);
      } else {
        assertEquals(
            expected, Integer.parseInt(count.text().replace(",", "")), "dashboard count of " + s);
        counted += expected;
      }
    }
    assertEquals(units.size(), counted, "the dashboard's counts add up to every unit");
    for (String[] card : new String[][] {{"pb-ready", "ready"}, {"pb-blocked", "blocked"}}) {
      assertCard(dash, card[0], byStanding.getOrDefault(card[1], Set.of()), units);
    }
    assertCard(dash, "pb-progress", byStanding.get("in-progress"), units);
    String headline = dash.selectFirst(".headline").text();
    int done = byStanding.getOrDefault("done", Set.of()).size();
    assertTrue(headline.contains(done + " of "), headline);
    // Counts of a thousand and more are written as English pages write them: "of 1,060 units".
    assertTrue(
        headline.contains(String.format(java.util.Locale.ROOT, " of %,d units", units.size())),
        headline);

    // Every standing's page lists exactly its units.
    for (String s : STANDINGS) {
      Path page = out.resolve("status/" + s + "/index.html");
      assertTrue(Files.isRegularFile(page), "no page for " + s);
      Document list = html(page);
      Set<String> ids = new TreeSet<>();
      for (Element td : list.select("table.unit-rows tbody tr > td:first-child")) {
        ids.add(td.attr("data-sort"));
      }
      assertEquals(byStanding.getOrDefault(s, Set.of()), ids, "status/" + s + "/ lists");
    }

    // The all-plans table: one row per unit, in its standing.
    Map<String, String> table = new HashMap<>();
    for (Element tr : html(out.resolve("plans/index.html")).select("#pb-plans tbody tr")) {
      table.put(tr.child(0).attr("data-sort"), tr.attr("data-status"));
    }
    Map<String, String> expectedTable = new HashMap<>();
    units.values().forEach(u -> expectedTable.put(u.id(), u.standing()));
    assertEquals(expectedTable, table, "the all-plans table");

    // Each plan page: the banner says blocked, started early or ready exactly when status.json
    // does.
    Map<String, List<Json>> byPage = new TreeMap<>();
    for (Json u : units.values()) {
      byPage.computeIfAbsent(u.url().replaceAll("#.*", ""), k -> new ArrayList<>()).add(u);
    }
    int banners = 0;
    for (Map.Entry<String, List<Json>> e : byPage.entrySet()) {
      Document page = html(out.resolve(e.getKey() + "index.html"));
      for (Json u : e.getValue()) {
        Element scope;
        if (u.url().contains("#")) {
          Element heading = page.getElementById(u.url().substring(u.url().indexOf('#') + 1));
          assertNotNull(heading, u.id() + ": no heading at " + u.url());
          scope = heading.nextElementSibling();
          assertTrue(scope != null && scope.hasClass("unit-head"), u.id() + ": no header");
        } else {
          scope = page.selectFirst(".plan-main");
        }
        String where = u.id() + " on " + u.url();
        assertEquals(u.blocked(), has(scope, ".notice-blocked"), where + ": blocked banner");
        assertEquals(u.waiting(), has(scope, ".notice-waiting"), where + ": started-early banner");
        assertEquals(u.ready(), has(scope, ".notice-ready"), where + ": ready banner");
        banners += u.blocked() || u.waiting() || u.ready() ? 1 : 0;
      }
      // A plan of one unit wears that unit's standing on its badge.
      if (e.getValue().size() == 1) {
        Json u = e.getValue().get(0);
        String slug = e.getKey().replaceAll("^plans/|/$", "");
        String svg =
            Files.readString(out.resolve("badges/" + slug + ".svg"), StandardCharsets.UTF_8);
        String label = label(u.standing());
        assertTrue(svg.contains("(" + label + ")\""), u.id() + "'s badge: " + svg);
      }
    }
    assertTrue(banners > 100, banners + " banners checked");
  }

  /** A dashboard card: its pill is the whole list's size, and its rows are from that list. */
  private static void assertCard(
      Document dash, String id, Set<String> expected, Map<String, Json> units) {
    Element card = dash.getElementById(id).parent();
    assertEquals(
        expected.size(),
        Integer.parseInt(card.selectFirst("h2 .pill").text().replace(",", "")),
        id + " pill");
    Map<String, String> idByUrl = new HashMap<>();
    units.values().forEach(u -> idByUrl.put("./" + u.url(), u.id()));
    Set<String> shown = new HashSet<>();
    for (Element li : card.select("ul > li")) {
      String href = li.selectFirst("a.unit-link").attr("href");
      String unit = idByUrl.get(href);
      assertTrue(expected.contains(unit), id + " shows " + href + ", which is not in its list");
      shown.add(unit);
    }
    assertEquals(Math.min(10, expected.size()), shown.size(), id + " rows");
    if (expected.size() > shown.size()) {
      assertTrue(card.selectFirst(".all-link").text().contains("All " + expected.size()), id);
    }
  }

  private static String label(String standing) {
    return switch (standing) {
      case "ready" -> "ready to start";
      case "review" -> "in review";
      case "none" -> "no status";
      default -> standing.replace('-', ' ');
    };
  }

  /** A notice of the unit itself, not one in the plan's text or another unit's header. */
  private static boolean has(Element scope, String css) {
    return scope.children().stream().anyMatch(c -> c.is(css));
  }

  private static Document html(Path page) throws Exception {
    return Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
  }

  private static Map<String, Json> read(Path file) throws Exception {
    Map<?, ?> root = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(2, ((Number) root.get("version")).intValue(), "status.json version");
    Map<String, Json> out = new TreeMap<>();
    for (Object o : (List<?>) root.get("units")) {
      Map<?, ?> u = (Map<?, ?>) o;
      if (Boolean.TRUE.equals(u.get("placeholder"))) {
        continue;
      }
      Json j =
          new Json(
              (String) u.get("id"),
              (String) u.get("url"),
              (String) u.get("status"),
              (String) u.get("standing"),
              (Boolean) u.get("blocked"),
              (Boolean) u.get("ready"),
              (Boolean) u.get("waiting"),
              strings(u.get("depends_on")),
              strings(u.get("waiting_on")));
      out.put(j.id(), j);
    }
    return out;
  }

  private static List<String> strings(Object o) {
    return o == null ? List.of() : ((List<?>) o).stream().map(String::valueOf).toList();
  }
}
