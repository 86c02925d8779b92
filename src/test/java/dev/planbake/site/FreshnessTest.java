package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.config.Settings;
import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pages say of how current they are, from plans committed to git by the test. */
class FreshnessTest {
  @TempDir Path tmp;

  private GitRepo repo;
  private String first;
  private String ticked;
  private String head;

  private void story() {
    repo = GitRepo.init(tmp.resolve("repo"));
    first =
        repo.write("plans/a.md", "# A\n\n- [ ] one\n- [ ] two\n")
            .commit("Ann Author", "2026-01-05", "Plan A");
    repo.write("plans/b.md", "# B\n\n- [ ] three\n").commit("Bob", "2026-01-20", "Plan B");
    ticked =
        repo.write("plans/a.md", "# A\n\n- [x] one\n- [ ] two\n")
            .commit("Cy", "2026-02-01", "Tick");
    head = repo.write("README.md", "code\n").commit("Dee", "2026-02-09", "Not a plan");
  }

  private Path build(Settings s, String name) throws IOException {
    Path out = tmp.resolve(name);
    Site.build(s.withPlans(List.of(repo.dir().resolve("plans"))).withOut(out));
    return out;
  }

  private static Document page(Path out, String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void everyFooterNamesTheCommitAndEachPlanItsCreationAndLastChange() throws IOException {
    story();
    Path out = build(Settings.defaults(), "out");
    for (String p : List.of("index.html", "plans/a/index.html", "graph/index.html", "404.html")) {
      Element footer = page(out, p).selectFirst("footer");
      assertTrue(
          footer.text().contains("at commit " + head.substring(0, 7) + " of 2026-02-09"),
          p + ": " + footer.text());
    }
    Document a = page(out, "plans/a/index.html");
    Element dl = a.selectFirst("dl.history");
    assertAll(
        () ->
            assertEquals(
                "Created 2026-01-05 by Ann Author", dl.child(0).text() + " " + dl.child(1).text()),
        () ->
            assertEquals(
                "Changed 2026-02-01 by Cy " + ticked.substring(0, 7),
                dl.child(2).text() + " " + dl.child(3).text()),
        () -> assertEquals(0, dl.select("a").size(), "no repository URL, no links"));
    String b = page(out, "plans/b/index.html").selectFirst("dl.history").text();
    assertTrue(b.matches("Created 2026-01-20 by Bob Changed 2026-01-20 by Bob [0-9a-f]{7}"), b);
  }

  @Test
  void aRepositoryUrlLinksTheCommits() throws IOException {
    story();
    Settings s = Settings.defaults().withEditUrl("https://github.com/acme/plans/edit/main/");
    Path out = build(s, "out");
    Document a = page(out, "plans/a/index.html");
    assertEquals(
        "https://github.com/acme/plans/commit/" + first,
        a.selectFirst("dl.history dd a").attr("href"));
    assertEquals(
        "https://github.com/acme/plans/commit/" + head,
        a.selectFirst("footer a[href*=commit]").attr("href"));
  }

  @Test
  void theSameCommitGivesTheSameBytes() throws IOException {
    story();
    Path one = build(Settings.defaults(), "one");
    Path two = build(Settings.defaults(), "two");
    for (String p : List.of("index.html", "plans/a/index.html", "status.json")) {
      assertArrayEquals(Files.readAllBytes(one.resolve(p)), Files.readAllBytes(two.resolve(p)), p);
    }
  }

  @Test
  void aShallowCloneSaysHistoryIsPartialAndClaimsNoCreationDay() throws IOException {
    story();
    repo.shallowAt(ticked);
    Path out = build(Settings.defaults(), "out");
    Document a = page(out, "plans/a/index.html");
    assertTrue(a.selectFirst("footer").text().contains("(shallow clone: history partial)"));
    String history = a.selectFirst("dl.history").text();
    assertTrue(history.startsWith("Changed 2026-02-01 by Cy"), history);
    assertTrue(history.endsWith("History partial (shallow clone)"), history);
  }

  @Test
  void plansOutsideGitSayNothingOfHistory() throws IOException {
    Path plans = Files.createDirectories(tmp.resolve("plain/plans"));
    Files.writeString(plans.resolve("a.md"), "# A\n\n- [ ] one\n");
    Path out = tmp.resolve("out");
    Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(out));
    Document a = page(out, "plans/a/index.html");
    assertEquals(null, a.selectFirst("dl.history"));
    assertTrue(!a.selectFirst("footer").text().contains("commit"), a.selectFirst("footer").text());
  }

  @Test
  void aServeSessionShowsANewCommitOnEveryPage() throws IOException {
    story();
    Session session =
        new Session(
            Settings.defaults()
                .withPlans(List.of(repo.dir().resolve("plans")))
                .withOut(tmp.resolve("unused")),
            true);
    session.refresh();
    String next =
        repo.write("plans/b.md", "# B\n\n- [x] three\n").commit("Eve", "2026-02-10", "B done");
    Session.Update update = session.refresh(java.util.Set.of(repo.dir().resolve("plans/b.md")));
    Page dashboard = update.pages().get("index.html");
    String html = new String(dashboard.bytes(), StandardCharsets.UTF_8);
    assertTrue(html.contains(next.substring(0, 7)), "the dashboard names the new commit");
    String a = new String(update.pages().get("plans/a/index.html").bytes(), StandardCharsets.UTF_8);
    assertTrue(a.contains(next.substring(0, 7)), "so does a plan page the commit did not touch");
  }
}
