package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.planbake.GitRepo;
import dev.planbake.config.Settings;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /changes/} names plans as the site shows them: a spec-kit feature folder's files, added,
 * ticked or deleted in one commit, are one line about the folder's plan; a file added to a plan
 * that was there before says so; two lines of one commit that would read the same say which file
 * each is about.
 */
class ChangesFolderTest {
  @TempDir Path tmp;

  private static final String FOLDER = "plans/specs/004-recurring-invoices/";

  @Test
  void aFeatureFolderIsOnePlanInTheChangeList() throws Exception {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    repo.write(FOLDER + "spec.md", "# Feature Specification: Recurring Invoices\n\n- [ ] story\n")
        .write(FOLDER + "plan.md", "# Implementation Plan: Recurring Invoices\n\n- [ ] design\n")
        .write(
            FOLDER + "tasks.md", "# Tasks: Recurring Invoices\n\n- [ ] T001 one\n- [ ] T002 two\n")
        .commit("Ann", "2026-03-02", "Recurring invoices");
    repo.write(FOLDER + "plan.md", "# Implementation Plan: Recurring Invoices\n\n- [x] design\n")
        .write(
            FOLDER + "tasks.md", "# Tasks: Recurring Invoices\n\n- [x] T001 one\n- [ ] T002 two\n")
        .commit("Bob", "2026-03-03", "Design done, T001");
    repo.write(FOLDER + "research.md", "# Research: Recurring Invoices\n\n- [ ] compare\n")
        .commit("Cy", "2026-03-04", "Research notes");
    // Two plans of the same title in one commit, and a feature folder deleted.
    repo.write("plans/billing/overview.md", "# Overview\n\n- [ ] a\n")
        .write("plans/search/overview.md", "# Overview\n\n- [ ] b\n")
        .write("plans/specs/005-dunning/spec.md", "# Feature Specification: Dunning\n")
        .write("plans/specs/005-dunning/tasks.md", "# Tasks: Dunning\n\n- [ ] T001 mail\n")
        .commit("Dee", "2026-03-05", "Overviews, dunning");
    repo.delete("plans/specs/005-dunning/spec.md")
        .delete("plans/specs/005-dunning/tasks.md")
        .commit("Eve", "2026-03-06", "Drop dunning");
    Path out = tmp.resolve("out");
    Site.build(Settings.defaults().withPlans(List.of(repo.dir().resolve("plans"))).withOut(out));

    Document page = Jsoup.parse(out.resolve("changes/index.html").toFile(), "UTF-8");
    List<String> items =
        page.select(".change").stream()
            .map(
                e ->
                    (e.selectFirst(".change-what").text()
                            + " | "
                            + e.selectFirst("a, span:not(.change-what)").text())
                        .replaceAll("\\s+", " "))
            .toList();
    String plan =
        Jsoup.parse(out.resolve("plans/004-recurring-invoices/index.html").toFile(), "UTF-8")
            .selectFirst("h1")
            .ownText()
            .strip();
    assertAll(
        () -> assertEquals("Recurring Invoices", plan, "the site's name for the folder's plan"),
        () ->
            assertEquals(
                List.of(
                    "Plan removed | Dunning",
                    "Plan added | Overview (billing/overview.md)",
                    "Plan added | Overview (search/overview.md)",
                    "Plan added | Dunning",
                    "File added: research.md | Recurring Invoices",
                    "2 boxes ticked | Recurring Invoices",
                    "Plan added | Recurring Invoices"),
                items),
        () -> assertTrue(page.select(".change").get(5).text().contains("2/3"), "boxes of both"),
        () -> assertEquals("7", page.selectFirst("h1 .pill").text()));

    List<SyndEntry> feed =
        new SyndFeedInput().build(new XmlReader(out.resolve("changes.atom").toFile())).getEntries();
    assertAll(
        () -> assertEquals(7, feed.size()),
        () -> assertEquals("Plan added: Recurring Invoices", feed.get(6).getTitle()),
        () -> assertEquals("Plan added: Overview (billing/overview.md)", feed.get(1).getTitle()));
  }
}
