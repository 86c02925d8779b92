package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.planbake.GitRepo;
import dev.planbake.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * {@code /changes/} and {@code /changes.atom}, from a repository whose story the test writes: plans
 * added, boxes ticked, a unit finished, a plan deleted, an edit that changes no box or status.
 */
class ChangesTest {
  @TempDir Path tmp;

  private GitRepo repo;
  private String finished;

  private Path story() {
    repo = GitRepo.init(tmp.resolve("repo"));
    repo.write("plans/a.md", "# Alpha\n\n- [ ] one\n- [ ] two\n- [ ] three\n")
        .write("plans/b.md", "# Beta\n\n- [ ] only\n")
        .commit("Ann", "2026-03-02", "Two plans");
    repo.write("plans/a.md", "# Alpha\n\n- [x] one\n- [ ] two\n- [ ] three\n")
        .commit("Bob", "2026-03-04", "Start alpha");
    repo.write("plans/a.md", "# Alpha\n\n- [x] one\n- [x] two\n- [ ] three\n")
        .commit("Bob", "2026-03-05", "More alpha");
    finished =
        repo.write("plans/a.md", "# Alpha\n\n- [x] one\n- [x] two\n- [x] three\n")
            .commit("Cy", "2026-03-10", "Alpha done");
    repo.delete("plans/b.md").commit("Dee", "2026-03-11", "Drop beta");
    repo.write("plans/c.md", "# Gamma\n\n**Status:** Draft\n\n- [ ] later\n")
        .commit("Dee", "2026-03-12", "Gamma");
    repo.write("plans/c.md", "# Gamma\n\n**Status:** Draft\n\nSome words.\n\n- [ ] later\n")
        .commit("Eve", "2026-03-13", "Words only");
    return repo.dir().resolve("plans");
  }

  @Test
  void weekByWeekEveryChangeWithItsCommit() throws Exception {
    Path out = tmp.resolve("out");
    Site.build(
        Settings.defaults()
            .withPlans(List.of(story()))
            .withOut(out)
            .withEditUrl("https://github.com/acme/plans/edit/main/"));
    Document page = Jsoup.parse(out.resolve("changes/index.html").toFile(), "UTF-8");
    List<String> weeks = page.select(".change-week h2").eachText();
    List<String> items =
        page.select(".change").stream()
            .map(
                e ->
                    e.selectFirst(".change-what").text()
                        + " "
                        + e.selectFirst("a, span:not(.change-what)").text())
            .toList();
    Element done = page.selectFirst(".change-finished");
    assertAll(
        () -> assertEquals(List.of("Week of 9 March 2026 3", "Week of 2 March 2026 4"), weeks),
        () ->
            assertEquals(
                List.of(
                    "Plan added Gamma",
                    "Plan removed Beta",
                    "Finished Alpha",
                    "1 box ticked Alpha",
                    "Planned → In progress Alpha",
                    "Plan added Alpha",
                    "Plan added Beta"),
                items.stream().map(s -> s.replaceAll("\\s+", " ")).toList()),
        () -> assertTrue(done.text().contains("3/3"), done.text()),
        () -> assertTrue(done.text().contains("2026-03-10 · Cy · " + finished.substring(0, 7))),
        () ->
            assertEquals(
                "https://github.com/acme/plans/commit/" + finished,
                done.selectFirst(".change-commit a").attr("href")),
        () -> assertEquals("../plans/a/", done.selectFirst("a").attr("href")),
        () -> assertEquals("7", page.selectFirst("h1 .pill").text()));

    // The feed: well-formed Atom with what RFC 4287 requires, read back by a feed parser.
    Path atom = out.resolve("changes.atom");
    org.w3c.dom.Document xml =
        DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(atom.toFile());
    NodeList entries = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertEquals(7, entries.getLength());
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) entries.item(i);
      for (String required : List.of("id", "title", "updated", "author")) {
        assertEquals(
            1,
            e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength(),
            required);
      }
    }
    SyndFeed feed = new SyndFeedInput().build(new XmlReader(atom.toFile()));
    List<SyndEntry> fe = feed.getEntries();
    assertAll(
        () -> assertEquals("atom_1.0", feed.getFeedType()),
        () -> assertEquals(7, fe.size()),
        () -> assertEquals("Plan added: Gamma", fe.get(0).getTitle()),
        () -> assertEquals("Finished: Alpha", fe.get(2).getTitle()),
        () -> assertEquals("Cy", fe.get(2).getAuthor()),
        () ->
            assertEquals(
                Instant.parse("2026-03-10T12:00:00Z"), fe.get(2).getUpdatedDate().toInstant()),
        () ->
            assertEquals(
                7, new HashSet<>(fe.stream().map(SyndEntry::getUri).toList()).size(), "ids unique"),
        () -> assertTrue(fe.get(2).getUri().startsWith("urn:uuid:")));

    // The same commit gives the same bytes.
    Path again = tmp.resolve("again");
    Site.build(
        Settings.defaults()
            .withPlans(List.of(repo.dir().resolve("plans")))
            .withOut(again)
            .withEditUrl("https://github.com/acme/plans/edit/main/"));
    assertEquals(Files.readString(atom), Files.readString(again.resolve("changes.atom")));
  }

  @Test
  void outsideGitThereIsNoChangesPage() throws Exception {
    Path plans = tmp.resolve("plain/plans");
    Files.createDirectories(plans);
    Files.writeString(plans.resolve("a.md"), "# A\n\n- [ ] one\n");
    Path out = tmp.resolve("plain-out");
    Site.build(Settings.defaults().withPlans(List.of(plans)).withOut(out));
    Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
    assertAll(
        () -> assertFalse(Files.exists(out.resolve("changes/index.html"))),
        () -> assertFalse(Files.exists(out.resolve("changes.atom"))),
        () ->
            assertTrue(
                index.select("a[href$=changes/], link[type=application/atom+xml]").isEmpty()));
  }
}
