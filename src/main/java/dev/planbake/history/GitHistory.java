package dev.planbake.history;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.Position;
import dev.planbake.model.Commit;
import dev.planbake.model.FileHistory;
import dev.planbake.model.History;
import dev.planbake.model.Revision;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads the plans' history from git, the only class that knows JGit: one walk from HEAD over the
 * commits that touched the plans folders, newest first, noting for each file the last commit that
 * changed it and the one that added it (following renames). Asking git file by file costs tens of
 * milliseconds a file; one walk costs about as much as a few files.
 *
 * <p>A session keeps one reader: the history depends only on the commit checked out, so a reader
 * walks again only when HEAD has moved.
 */
public final class GitHistory {
  /** At most this many revisions are kept, newest first (each holds two texts). */
  private static final int MAX_REVISIONS = 5_000;

  /** A plan text larger than this is not compared between commits. */
  private static final int MAX_TEXT = 1 << 20;

  private final List<Path> folders;
  private History last = History.NONE;
  private boolean read;

  /** The repository found at the last call, kept open; null when none was. */
  private Repository repo;

  /**
   * @param folders the plans folders; those in no git repository have no history
   */
  public GitHistory(List<Path> folders) {
    this.folders = List.copyOf(folders);
  }

  /**
   * The history at the commit now checked out: the last one read if HEAD has not moved since.
   * Problems reading a repository (a damaged one) go to {@code diagnostics}; the site is then built
   * without history.
   */
  public synchronized History current(Diagnostics diagnostics) {
    Path root = folders.isEmpty() ? null : folders.get(0);
    if (root == null) {
      return History.NONE;
    }
    try {
      Repository repo = repository(root);
      ObjectId head = repo == null ? null : repo.resolve(Constants.HEAD);
      if (head == null) {
        read = true;
        last = History.NONE;
        return last;
      }
      if (read && last.present() && last.head().id().equals(head.name())) {
        return last;
      }
      try {
        last = walk(repo, head);
      } finally {
        // Lets go of the pack files (which git gc may want to delete) until HEAD moves again.
        repo.getObjectDatabase().close();
      }
      read = true;
      return last;
    } catch (IOException | RuntimeException e) {
      forget();
      diagnostics.add(
          Diagnostic.warning(
              Position.of(root, root.toString(), 0),
              "cannot read the git history of the plans ("
                  + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())
                  + "); the site is built without it"));
      last = History.NONE;
      return last;
    }
  }

  /**
   * The repository holding {@code root}: the one found before while its git folder is there (an
   * edit under {@code serve} then costs a look at HEAD, not opening the repository again), else
   * looked for again.
   */
  private Repository repository(Path root) throws IOException {
    if (repo != null && repo.getDirectory().isDirectory()) {
      return repo;
    }
    forget();
    repo = open(root);
    return repo;
  }

  private void forget() {
    if (repo != null) {
      repo.close();
      repo = null;
    }
  }

  /** The repository holding {@code folder}, or null if it is in none (or in a bare one). */
  private static Repository open(Path folder) throws IOException {
    File dir = folder.toAbsolutePath().normalize().toFile();
    if (!dir.isDirectory()) {
      return null;
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir);
    if (builder.getGitDir() == null) {
      return null;
    }
    try {
      Repository repo = builder.setMustExist(true).build();
      if (repo.isBare()) {
        repo.close();
        return null;
      }
      return repo;
    } catch (RepositoryNotFoundException e) {
      return null;
    }
  }

  private History walk(Repository repo, ObjectId headId) throws IOException {
    Path work = repo.getWorkTree().toPath().toRealPath();
    // The folders as paths inside the repository; one that is the work tree itself means "all".
    List<String> prefixes = new ArrayList<>();
    Map<Path, Path> named = new LinkedHashMap<>(); // folder as given -> its real path
    boolean everything = false;
    for (Path f : folders) {
      if (!Files.isDirectory(f)) {
        continue;
      }
      Path real = f.toRealPath();
      if (!real.startsWith(work)) {
        continue;
      }
      named.put(f.toAbsolutePath().normalize(), real);
      String rel = work.relativize(real).toString().replace(File.separatorChar, '/');
      if (rel.isEmpty()) {
        everything = true;
      } else {
        prefixes.add(rel);
      }
    }
    boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
    // Newest first: the first commit seen for a path is its last change, and the first that adds
    // it is its creation; older commits of a renamed file's old path count for its new path.
    Map<String, Seen> byPath = new LinkedHashMap<>();
    Map<String, String> renamedTo = new HashMap<>();
    List<Revision> revisions = new ArrayList<>();
    Commit head;
    try (CachingReader reader =
            new CachingReader(repo.newObjectReader(), new PackedObjects(repo.getObjectDatabase()));
        RevWalk walk = new RevWalk(reader)) {
      RevCommit start = walk.parseCommit(headId);
      head = commit(start);
      // Every commit is visited and compared with its first parent once, below: a tree filter on
      // the walk would compare each commit a second time to decide whether to visit it.
      walk.markStart(start);
      LocalDate since = head.date().minusWeeks(History.WEEKS);
      TreeDiff trees = new TreeDiff(reader, everything ? List.of() : prefixes);
      for (RevCommit c : walk) {
        // A merge's changes are those of the commits it brings in, which the walk visits too.
        if (c.getParentCount() > 1) {
          continue;
        }
        reader.next();
        List<DiffEntry> diff = changes(repo, walk, c, trees);
        if (diff.isEmpty()) {
          continue; // a commit that changed nothing in the plans folders
        }
        Commit commit = commit(c);
        // In a shallow clone the oldest commit "adds" every file: not a change anyone made.
        boolean real = !(shallow && c.getParentCount() == 0);
        if (real && revisions.size() < MAX_REVISIONS && !commit.date().isBefore(since)) {
          for (DiffEntry d : diff) {
            Revision r = revision(reader, commit, d, work, named, now(d, renamedTo, byPath));
            if (r != null) {
              revisions.add(r);
            }
          }
        }
        for (DiffEntry d : diff) {
          DiffEntry.ChangeType type = d.getChangeType();
          if (type == DiffEntry.ChangeType.DELETE) {
            // Older commits of a deleted path are of a file that no longer exists.
            byPath.computeIfAbsent(current(d.getOldPath(), renamedTo), k -> new Seen()).closed =
                true;
            continue;
          }
          String path = current(d.getNewPath(), renamedTo);
          Seen seen = byPath.computeIfAbsent(path, k -> new Seen());
          if (seen.closed) {
            continue; // an earlier file of the same name, deleted before this one was added
          }
          if (seen.changed == null) {
            seen.changed = commit;
          }
          if (type == DiffEntry.ChangeType.RENAME) {
            renamedTo.put(d.getOldPath(), path);
          } else if (type == DiffEntry.ChangeType.ADD) {
            // In a shallow clone the oldest commit there "adds" every file: that proves nothing.
            seen.created = shallow && c.getParentCount() == 0 ? null : commit;
            seen.closed = true;
          }
        }
      }
    }
    // Keyed by the file's path as the scanner names it: through the folder as given, which may be
    // a symbolic link or lie under one.
    Map<Path, FileHistory> files = new HashMap<>();
    for (Map.Entry<String, Seen> e : byPath.entrySet()) {
      if (e.getValue().changed == null) {
        continue; // deleted
      }
      Path file = work.resolve(e.getKey()).normalize();
      for (Map.Entry<Path, Path> folder : named.entrySet()) {
        if (file.startsWith(folder.getValue())) {
          files.put(
              folder.getKey().resolve(folder.getValue().relativize(file)).normalize(),
              new FileHistory(e.getValue().created, e.getValue().changed));
        }
      }
    }
    return new History(head, shallow, files, revisions);
  }

  /**
   * The path at HEAD of the file {@code d} changed, seen from the commits newer than it (walked
   * already): null when one of them deleted it, or added another file of that name after deleting
   * this one.
   */
  private static String now(DiffEntry d, Map<String, String> renamedTo, Map<String, Seen> byPath) {
    boolean deleted = d.getChangeType() == DiffEntry.ChangeType.DELETE;
    String path = current(deleted ? d.getOldPath() : d.getNewPath(), renamedTo);
    Seen seen = byPath.get(path);
    if (seen == null) {
      return deleted ? null : path; // this is the newest change of the file
    }
    return seen.closed ? null : path;
  }

  /**
   * {@code d} as a revision of a Markdown plan file, with both texts; null for other files and for
   * texts too large to compare.
   *
   * @param now the file's path at HEAD in the repository, or null when it is gone
   */
  private static Revision revision(
      CachingReader reader,
      Commit commit,
      DiffEntry d,
      Path work,
      Map<Path, Path> named,
      String now)
      throws IOException {
    boolean deleted = d.getChangeType() == DiffEntry.ChangeType.DELETE;
    String path = deleted ? d.getOldPath() : d.getNewPath();
    if (!path.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
      return null;
    }
    String source = source(work, named, path);
    if (source == null) {
      return null;
    }
    boolean added = d.getChangeType() == DiffEntry.ChangeType.ADD;
    try {
      String before = added ? null : reader.text(d.getOldId().toObjectId(), MAX_TEXT);
      String after = deleted ? null : reader.text(d.getNewId().toObjectId(), MAX_TEXT);
      return new Revision(
          commit, source, now == null ? null : source(work, named, now), before, after);
    } catch (LargeObjectException e) {
      return null;
    }
  }

  /** A repository path relative to the plans folder holding it, or null if none does. */
  private static String source(Path work, Map<Path, Path> named, String path) {
    Path file = work.resolve(path).normalize();
    for (Path real : named.values()) {
      if (file.startsWith(real)) {
        return real.relativize(file).toString().replace(File.separatorChar, '/');
      }
    }
    return null;
  }

  /** What the walk has found of one file so far. */
  private static final class Seen {
    Commit changed;
    Commit created;
    boolean closed;
  }

  /** The path a file has now, after the renames seen so far (newer ones first). */
  private static String current(String path, Map<String, String> renamedTo) {
    String p = path;
    for (int hops = 0; hops < 64 && renamedTo.containsKey(p); hops++) {
      p = renamedTo.get(p);
    }
    return p;
  }

  /** What {@code c} changed under the plans folders, renames paired up. */
  private static List<DiffEntry> changes(Repository repo, RevWalk walk, RevCommit c, TreeDiff trees)
      throws IOException {
    ObjectId before = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree();
    List<DiffEntry> entries = trees.between(before, c.getTree());
    boolean adds = false;
    boolean deletes = false;
    for (DiffEntry d : entries) {
      adds |= d.getChangeType() == DiffEntry.ChangeType.ADD;
      deletes |= d.getChangeType() == DiffEntry.ChangeType.DELETE;
    }
    if (!adds || !deletes) {
      return entries;
    }
    RenameDetector renames = new RenameDetector(repo);
    renames.addAll(entries);
    return renames.compute();
  }

  private static Commit commit(RevCommit c) {
    PersonIdent a = c.getAuthorIdent();
    ZoneOffset offset = a.getZoneOffset();
    return new Commit(c.name(), a.getName(), a.getWhenAsInstant(), offset, c.getShortMessage());
  }
}
