package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.config.Settings;
import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under serve, edits that are not committed leave what is read from git as it was: the pages made
 * from the history are kept while what they show is unchanged, and every page stays what a full
 * build of the same files at the same commit gives.
 */
class ServeHistoryTest {
  @TempDir Path tmp;

  private GitRepo repo;
  private Path plans;
  private Settings settings;
  private Session session;

  @BeforeEach
  void aRepositoryWithAStory() throws IOException {
    repo = GitRepo.init(tmp.resolve("repo"));
    repo.write("plans/a.md", "# Alpha\n\n- [ ] one\n- [ ] two\n- [ ] three\n")
        .write("plans/b.md", "# Beta\n\n- [ ] only\n")
        .commit("Ann", "2026-03-02", "Two plans");
    repo.write("plans/a.md", "# Alpha\n\n- [x] one\n- [ ] two\n- [ ] three\n")
        .commit("Bob", "2026-03-04", "Start alpha");
    repo.write("plans/b.md", "# Beta\n\n- [x] only\n").commit("Cy", "2026-03-09", "Beta done");
    plans = repo.dir().resolve("plans");
    settings = Settings.defaults().withPlans(List.of(plans)).withOut(tmp.resolve("out"));
    session = new Session(settings, true);
    session.refresh();
  }

  @AfterEach
  void close() {
    repo.close();
  }

  @Test
  void anEditThatChangesNoListedPlanKeepsTheChangesPage() throws IOException {
    Map<String, Page> first = session.refresh().pages();
    Page before = first.get("changes/index.html");
    Files.writeString(
        plans.resolve("a.md"), "# Alpha\n\n- [x] one\n- [x] two\n- [ ] three\n", UTF8);
    Map<String, Page> after = sameAsFullBuild(session.refresh(Set.of(plans.resolve("a.md"))));
    assertSame(before, after.get("changes/index.html"), "kept, not rendered again");
    // A box ticked leaves every plan's title, file and URL: the feed is not even made again.
    assertSame(first.get("changes.atom"), after.get("changes.atom"), "the feed is kept");
    assertTrue(
        text(after, "progress/index.html").contains("3 of 4 boxes ticked on"),
        "the burn-up's last point is the files as they are");
  }

  @Test
  void removingAListedPlanRendersTheChangesPageAgain() throws IOException {
    String link = "href=\"../plans/b/\"";
    assertTrue(text(session.refresh().pages(), "changes/index.html").contains(link));
    Files.delete(plans.resolve("b.md"));
    Map<String, Page> after = sameAsFullBuild(session.refresh());
    assertFalse(text(after, "changes/index.html").contains(link), "its lines link nowhere now");
  }

  @Test
  void aCommitRendersTheChangesPageAgain() throws IOException {
    repo.write("plans/a.md", "# Alpha\n\n- [x] one\n- [x] two\n- [x] three\n")
        .commit("Dee", "2026-03-10", "Alpha done");
    Map<String, Page> after = sameAsFullBuild(session.refresh(Set.of(plans.resolve("a.md"))));
    assertAll(
        () -> assertTrue(text(after, "changes/index.html").contains("Finished")),
        () -> assertTrue(text(after, "changes.atom").contains("Alpha done")));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String text(Map<String, Page> pages, String path) {
    return new String(pages.get(path).bytes(), UTF8);
  }

  /** The pages of {@code u}, checked against a full build of the same files by a new session. */
  private Map<String, Page> sameAsFullBuild(Session.Update u) throws IOException {
    Map<String, Page> full = new Session(settings, true).refresh().pages();
    assertEquals(full.keySet(), u.pages().keySet());
    for (Map.Entry<String, Page> e : full.entrySet()) {
      assertArrayEquals(e.getValue().bytes(), u.pages().get(e.getKey()).bytes(), e.getKey());
    }
    assertFalse(u.pages().isEmpty());
    return u.pages();
  }
}
