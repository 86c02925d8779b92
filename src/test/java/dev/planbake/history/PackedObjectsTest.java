package dev.planbake.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GitRepo;
import dev.planbake.model.History;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedObjectsTest {
  @TempDir Path tmp;

  /** Forty plans ticked one box a commit over sixty commits: trees and texts that git deltifies. */
  private GitRepo ticked() {
    GitRepo repo = GitRepo.init(tmp.resolve("repo"));
    for (int i = 0; i < 40; i++) {
      repo.write("plans/p" + i + ".md", plan(i, 0));
    }
    repo.write("plans/sub/deep.md", "# Deep\n- [ ] one\n");
    repo.commit("Ann", "2026-01-01", "Add plans");
    for (int c = 1; c <= 60; c++) {
      repo.write("plans/p" + (c % 40) + ".md", plan(c % 40, 1 + c / 40));
      repo.commit("Bob", "2026-01-" + String.format("%02d", 1 + c / 3), "Tick " + c);
    }
    return repo;
  }

  private static String plan(int n, int ticked) {
    StringBuilder b = new StringBuilder("# Plan " + n + "\n\nSome words about plan " + n + ".\n\n");
    for (int t = 0; t < 12; t++) {
      b.append(t < ticked ? "- [x] " : "- [ ] ").append("task ").append(t).append('\n');
    }
    return b.toString();
  }

  /** Every tree and blob of every commit, by id, with its type. */
  private static Map<ObjectId, Integer> everyObject(Repository repo) throws Exception {
    Map<ObjectId, Integer> out = new LinkedHashMap<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve(Constants.HEAD)));
      for (RevCommit c : walk) {
        out.put(c.getTree().copy(), Constants.OBJ_TREE);
        try (TreeWalk tw = new TreeWalk(repo)) {
          tw.addTree(c.getTree());
          tw.setRecursive(false);
          while (tw.next()) {
            if (tw.isSubtree()) {
              out.put(tw.getObjectId(0), Constants.OBJ_TREE);
              tw.enterSubtree();
            } else {
              out.put(tw.getObjectId(0), Constants.OBJ_BLOB);
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void readsEveryPackedTreeAndTextAsJgitDoesApplyingEachDeltaOnce() throws Exception {
    GitRepo git = ticked().gc();
    try (Repository repo =
            new FileRepositoryBuilder().setWorkTree(git.dir().toFile()).setMustExist(true).build();
        ObjectReader jgit = repo.newObjectReader();
        PackedObjects packed = new PackedObjects(repo.getObjectDatabase())) {
      Map<ObjectId, Integer> objects = everyObject(repo);
      assertTrue(objects.size() > 100, "trees and texts of 61 commits");
      for (Map.Entry<ObjectId, Integer> o : objects.entrySet()) {
        byte[] expected = jgit.open(o.getKey(), o.getValue()).getCachedBytes();
        assertArrayEquals(expected, packed.read(o.getKey(), o.getValue()), o.getKey().name());
      }
      int deltas = packed.deltas();
      assertTrue(deltas > 0, "git stored some of them as deltas");
      assertTrue(deltas < objects.size(), "each delta applied once: " + deltas);
      // Read again: every one is kept, so no delta is applied a second time.
      for (Map.Entry<ObjectId, Integer> o : objects.entrySet()) {
        packed.read(o.getKey(), o.getValue());
      }
      assertEquals(deltas, packed.deltas());

      ObjectId tree = objects.keySet().iterator().next();
      assertNull(packed.read(tree, Constants.OBJ_BLOB), "a tree asked for as a text");
    }
  }

  @Test
  void anObjectOutsideThePacksIsLeftToJgit() throws Exception {
    GitRepo git = ticked().gc();
    git.write("plans/new.md", "# New\n").commit("Cy", "2026-02-01", "Loose");
    try (Repository repo =
            new FileRepositoryBuilder().setWorkTree(git.dir().toFile()).setMustExist(true).build();
        PackedObjects packed = new PackedObjects(repo.getObjectDatabase())) {
      ObjectId head = repo.resolve("HEAD^{tree}");
      assertNull(packed.read(head, Constants.OBJ_TREE), "written after the gc: a loose object");
    }
  }

  @Test
  void theHistoryOfAPackedRepositoryIsTheHistoryOfTheSameCommitsLoose() {
    GitRepo git = ticked();
    Path plans = git.dir().resolve("plans");
    History loose = GitHistoryTest.read(plans);
    git.gc();
    History packed = GitHistoryTest.read(plans);
    assertEquals(loose.head(), packed.head());
    assertEquals(new TreeMap<>(loose.files()), new TreeMap<>(packed.files()));
    assertEquals(loose.revisions(), packed.revisions());
    assertEquals(41, loose.files().size());
  }

  @Test
  void aDeltaCopiesRangesOfItsBaseAndInsertsItsOwnBytes() throws Exception {
    byte[] base = "hello, world".getBytes();
    // base size 12, result size 11: copy "hello" (offset 0, 5 bytes), insert " git!", copy "d"
    byte[] delta = {
      12, 11, (byte) 0x90, 5, 5, ' ', 'g', 'i', 't', '!', (byte) 0x91, 11, 1,
    };
    assertEquals("hello git!d", new String(PackedObjects.apply(base, delta)));
    byte[] wrongBase = {13, 11, (byte) 0x90, 5};
    assertThrows(DataFormatException.class, () -> PackedObjects.apply(base, wrongBase));
    byte[] pastTheEnd = {12, 5, (byte) 0x91, 10, 5};
    assertThrows(DataFormatException.class, () -> PackedObjects.apply(base, pastTheEnd));
  }
}
