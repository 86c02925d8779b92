package dev.planbake.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.diag.Diagnostics;
import dev.planbake.model.FileHistory;
import dev.planbake.model.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {
  @TempDir Path tmp;

  /** Five dated commits by four authors: adds, an edit, a rename, a deletion, an unrelated file. */
  private record Story(GitRepo repo, List<String> commits) {}

  private Story story() {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    String c1 =
        repo.write("plans/a.md", "# A\n- [ ] one\n")
            .write("plans/gone.md", "# Gone\n")
            .commit("Ann", "2026-01-05", 2, "Add A");
    String c2 = repo.write("plans/b.md", "# B\n- [ ] two\n").commit("Bob", "2026-01-10", "Add B");
    String c3 =
        repo.write("plans/a.md", "# A\n- [x] one\n").commit("Cy", "2026-02-01", "Tick A's box");
    String c4 =
        repo.move("plans/b.md", "plans/sub/c.md")
            .delete("plans/gone.md")
            .commit("Dee", "2026-02-03", "Rename B, drop Gone");
    String c5 = repo.write("README.md", "not a plan\n").commit("Eve", "2026-03-01", "Readme");
    return new Story(repo, List.of(c1, c2, c3, c4, c5));
  }

  /** The history of {@code plans}, read without a problem. */
  static History read(Path plans) {
    Diagnostics problems = new Diagnostics();
    History h = new GitHistory(List.of(plans)).current(problems);
    assertEquals(List.of(), problems.inOrder());
    return h;
  }

  @Test
  void eachFileKnowsItsCreationAndLastChangeAndHeadIsTheCommitCheckedOut() {
    Story s = story();
    Path plans = s.repo().dir().resolve("plans");
    History h = read(plans);

    assertTrue(h.present());
    assertFalse(h.shallow());
    assertEquals(s.commits().get(4), h.head().id());
    assertEquals("Eve", h.head().author());
    assertEquals("2026-03-01", h.head().date().toString());

    FileHistory a = h.of(plans.resolve("a.md"));
    assertEquals(s.commits().get(0), a.created().id());
    assertEquals("Ann", a.created().author());
    // Noon UTC written in UTC+2 is still the 5th where the author was.
    assertEquals("2026-01-05", a.created().date().toString());
    assertEquals(s.commits().get(2), a.changed().id());
    assertEquals("Cy", a.changed().author());
    assertEquals("Tick A's box", a.changed().subject());

    // A renamed file keeps the day it was first added, under its old name.
    FileHistory c = h.of(plans.resolve("sub/c.md"));
    assertEquals(s.commits().get(1), c.created().id());
    assertEquals("Bob", c.created().author());
    assertEquals(s.commits().get(3), c.changed().id());

    assertNull(h.of(plans.resolve("gone.md")), "a deleted file has no page, and no history");
    assertNull(h.of(s.repo().dir().resolve("README.md")), "only the plans folders are read");
  }

  @Test
  void aFileAddedAgainAfterItsDeletionWasCreatedWhenItCameBack() {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    repo.write("plans/x.md", "# X\n").commit("Ann", "2026-01-01", "Add X");
    repo.delete("plans/x.md").write("plans/y.md", "# Y, long enough to be no rename\n");
    repo.commit("Bob", "2026-01-02", "Drop X");
    String back = repo.write("plans/x.md", "# X again\n").commit("Cy", "2026-01-03", "X again");
    FileHistory x = read(repo.dir().resolve("plans")).of(repo.dir().resolve("plans/x.md"));
    assertEquals(back, x.created().id());
    assertEquals(back, x.changed().id());
  }

  @Test
  void aShallowCloneSaysSoAndClaimsNoCreationItCannotSee() {
    Story s = story();
    s.repo().shallowAt(s.commits().get(2));
    Path plans = s.repo().dir().resolve("plans");
    History h = read(plans);
    assertTrue(h.shallow());
    FileHistory a = h.of(plans.resolve("a.md"));
    assertNull(a.created(), "a.md was added before the oldest commit the clone holds");
    assertEquals(s.commits().get(2), a.changed().id());
    FileHistory c = h.of(plans.resolve("sub/c.md"));
    assertNull(c.created());
    assertEquals(s.commits().get(3), c.changed().id());
  }

  @Test
  void plansOutsideGitHaveNoHistory() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plain/plans"));
    Files.writeString(plans.resolve("a.md"), "# A\n");
    History h = read(plans);
    assertSame(History.NONE, h);
    assertFalse(h.present());
  }

  @Test
  void aRepositoryWithoutCommitsHasNoHistory() {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    repo.write("plans/a.md", "# A\n");
    assertFalse(read(repo.dir().resolve("plans")).present());
  }

  @Test
  void theWalkIsReadAgainOnlyWhenHeadMoves() {
    Story s = story();
    Path plans = s.repo().dir().resolve("plans");
    GitHistory reader = new GitHistory(List.of(plans));
    History first = reader.current(new Diagnostics());
    assertSame(first, reader.current(new Diagnostics()), "same HEAD, same history");
    String next =
        s.repo()
            .write("plans/a.md", "# A\n- [x] one\n- [ ] two\n")
            .commit("Fay", "2026-03-02", "More A");
    History second = reader.current(new Diagnostics());
    assertEquals(next, second.head().id());
    assertNotNull(second.of(plans.resolve("a.md")));
    assertEquals("Fay", second.of(plans.resolve("a.md")).changed().author());
  }

  @Test
  void aRepositoryKeptBetweenLooksIsLookedForAgainWhenItsGitFolderGoes() throws Exception {
    Story s = story();
    Path plans = s.repo().dir().resolve("plans");
    GitHistory reader = new GitHistory(List.of(plans));
    assertTrue(reader.current(new Diagnostics()).present());
    s.repo().close();
    try (var files = Files.walk(s.repo().dir().resolve(".git"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    assertSame(History.NONE, reader.current(new Diagnostics()));
  }

  @Test
  void aRepositoryMadeAfterTheFirstLookIsFound() throws Exception {
    Path dir = tmp.resolve("later");
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("plans/a.md"), "# A\n");
    GitHistory reader = new GitHistory(List.of(dir.resolve("plans")));
    assertSame(History.NONE, reader.current(new Diagnostics()), "not in git yet");
    GitRepo repo = GitRepo.init(dir);
    assertFalse(reader.current(new Diagnostics()).present(), "no commit yet");
    String first = repo.commit("Ann", "2026-01-01", "Add A");
    assertEquals(first, reader.current(new Diagnostics()).head().id());
  }
}
