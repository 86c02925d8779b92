package dev.planbake.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TreeDiff says what JGit's DiffEntry.scan over a recursive, filtered TreeWalk says. */
class TreeDiffTest {
  @TempDir Path tmp;

  /** Names that sort around each other in git's order: a file and a folder of one name, etc. */
  private static final String[] NAMES = {
    "a", "a.md", "a-b", "a0", "plans", "plans.md", "plans2", "pla", "docs", "z", "\u00e9t\u00e9.md"
  };

  private static final FileMode[] MODES = {
    FileMode.REGULAR_FILE,
    FileMode.REGULAR_FILE,
    FileMode.REGULAR_FILE,
    FileMode.EXECUTABLE_FILE,
    FileMode.SYMLINK,
    FileMode.GITLINK
  };

  private static final List<List<String>> FOLDERS =
      List.of(
          List.of(),
          List.of("plans"),
          List.of("docs/plans"),
          List.of("plans", "docs/plans"),
          List.of("a"),
          List.of("docs"));

  @Test
  void everyChangeOfRandomTreesIsTheOneJgitsWalkFindsInItsOrder() throws IOException {
    try (Repository repo =
        new FileRepositoryBuilder().setGitDir(tmp.resolve(".git").toFile()).build()) {
      repo.create();
      Random random = new Random(35);
      int compared = 0;
      int changes = 0;
      try (ObjectInserter insert = repo.newObjectInserter();
          ObjectReader reader = repo.newObjectReader()) {
        for (int round = 0; round < 300; round++) {
          Map<String, Leaf> before = files(random);
          Map<String, Leaf> after = change(before, random);
          ObjectId a = round % 25 == 0 ? null : tree(repo, insert, before);
          ObjectId b = tree(repo, insert, after);
          insert.flush();
          for (List<String> folders : FOLDERS) {
            List<String> expected = jgit(reader, a, b, folders);
            List<String> actual = describe(new TreeDiff(reader, folders).between(a, b));
            assertEquals(expected, actual, "round " + round + " folders " + folders);
            compared++;
            changes += expected.size();
          }
        }
      }
      assertTrue(changes > compared, "the rounds changed files: " + changes);
    }
  }

  /** A file: its mode and content. */
  private record Leaf(FileMode mode, String content) {}

  private static Map<String, Leaf> files(Random random) {
    Map<String, Leaf> out = new TreeMap<>();
    int n = 1 + random.nextInt(14);
    for (int i = 0; i < n; i++) {
      put(
          out,
          path(random),
          new Leaf(MODES[random.nextInt(MODES.length)], "v" + random.nextInt(3)));
    }
    return out;
  }

  private static String path(Random random) {
    int depth = 1 + random.nextInt(3);
    StringBuilder b = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      b.append(d == 0 ? "" : "/").append(NAMES[random.nextInt(NAMES.length)]);
    }
    return b.toString();
  }

  /** Adds a file unless a file or folder in its way would make the tree impossible. */
  private static void put(Map<String, Leaf> files, String path, Leaf leaf) {
    for (String p : files.keySet()) {
      if (!p.equals(path) && (p.startsWith(path + "/") || path.startsWith(p + "/"))) {
        return;
      }
    }
    files.put(path, leaf);
  }

  /** Edits, mode changes, removals, additions, and files replaced by folders of their name. */
  private static Map<String, Leaf> change(Map<String, Leaf> before, Random random) {
    Map<String, Leaf> out = new TreeMap<>();
    for (Map.Entry<String, Leaf> e : before.entrySet()) {
      int what = random.nextInt(8);
      Leaf l = e.getValue();
      switch (what) {
        case 0 -> {} // removed
        case 1 -> out.put(e.getKey(), new Leaf(l.mode(), l.content() + "!"));
        case 2 -> out.put(e.getKey(), new Leaf(MODES[random.nextInt(MODES.length)], l.content()));
        case 3 -> out.put(e.getKey() + "/" + NAMES[random.nextInt(NAMES.length)], l);
        default -> out.put(e.getKey(), l);
      }
    }
    int added = random.nextInt(4);
    for (int i = 0; i < added; i++) {
      put(out, path(random), new Leaf(FileMode.REGULAR_FILE, "new" + random.nextInt(2)));
    }
    return out;
  }

  private static ObjectId tree(Repository repo, ObjectInserter insert, Map<String, Leaf> files)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, Leaf> f : files.entrySet()) {
      DirCacheEntry e = new DirCacheEntry(f.getKey());
      e.setFileMode(f.getValue().mode());
      byte[] content = f.getValue().content().getBytes(StandardCharsets.UTF_8);
      e.setObjectId(
          f.getValue().mode() == FileMode.GITLINK
              ? insert.idFor(Constants.OBJ_COMMIT, content) // a submodule's commit, not stored
              : insert.insert(Constants.OBJ_BLOB, content));
      builder.add(e);
    }
    builder.finish();
    return index.writeTree(insert);
  }

  /** What the history read before TreeDiff: a recursive walk with the folders' filter. */
  private static List<String> jgit(
      ObjectReader reader, ObjectId a, ObjectId b, List<String> folders) throws IOException {
    try (TreeWalk tw = new TreeWalk(reader)) {
      tw.setRecursive(true);
      tw.setFilter(
          folders.isEmpty()
              ? TreeFilter.ANY_DIFF
              : AndTreeFilter.create(
                  PathFilterGroup.createFromStrings(folders), TreeFilter.ANY_DIFF));
      if (a == null) {
        tw.addTree(new EmptyTreeIterator());
      } else {
        tw.addTree(a);
      }
      tw.addTree(b);
      return describe(DiffEntry.scan(tw));
    }
  }

  private static List<String> describe(List<DiffEntry> entries) {
    List<String> out = new ArrayList<>();
    for (DiffEntry d : entries) {
      out.add(
          d.getChangeType()
              + " "
              + d.getOldPath()
              + " -> "
              + d.getNewPath()
              + " "
              + d.getOldMode()
              + " -> "
              + d.getNewMode()
              + " "
              + d.getOldId().name()
              + " -> "
              + d.getNewId().name());
    }
    return out;
  }
}
