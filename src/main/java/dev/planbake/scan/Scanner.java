package dev.planbake.scan;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.diag.IoReason;
import dev.planbake.diag.Position;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the plans: every {@code .md} file under each plans folder, sorted by path, with spec-kit
 * feature folders grouped into one plan. Reading never fails on content: invalid UTF-8 becomes
 * replacement characters and a warning, oversized files are reported and skipped.
 */
public final class Scanner {
  /** Folders never worth reading. */
  private static final List<String> ALWAYS_IGNORED = List.of(".git", "node_modules", ".hg");

  private final List<PathMatcher> ignore;
  private final long maxBytes;
  private final Diagnostics diagnostics;

  /**
   * Files read by earlier scans, by path, size and modification time: {@code serve} scans the whole
   * plans folder on every change, and re-reading thousands of unchanged files is most of that scan.
   */
  public static final class Cache {
    record Entry(long size, FileTime modified, PlanSource.File file, Diagnostic warning) {}

    private Map<Path, Entry> last = new HashMap<>();
    private Map<Path, Entry> next = new HashMap<>();

    synchronized Entry get(Path p, long size, FileTime modified) {
      Entry e = last.get(p);
      return e != null && e.size == size && e.modified.equals(modified) ? e : null;
    }

    synchronized void put(Path p, Entry e) {
      next.put(p, e);
    }

    /** Keeps what this scan read, forgets files no longer there. */
    private synchronized void endScan() {
      last = next;
      next = new HashMap<>(2 * last.size());
    }
  }

  private Cache cache;

  /** Whether a scan met a symbolic link (set from the walking thread). */
  private volatile boolean sawLink;

  /** Reuses files unchanged since an earlier scan with the same cache. */
  public Scanner withCache(Cache c) {
    this.cache = c;
    return this;
  }

  public Scanner(List<String> ignoreGlobs, long maxBytes, Diagnostics diagnostics) {
    this.ignore =
        ignoreGlobs.stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
            .toList();
    this.maxBytes = maxBytes;
    this.diagnostics = diagnostics;
  }

  /**
   * All plans under {@code roots}, in the order of the roots and then by path.
   *
   * @throws IOException if a plans folder does not exist or cannot be listed
   */
  public List<PlanSource> scan(List<Path> roots) throws IOException {
    List<PlanSource> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IOException(
            Files.exists(root)
                ? "the plans folder is a file: " + root + " (name the folder that holds the plans)"
                : "plans folder not found: " + root);
      }
      out.addAll(scanRoot(root));
    }
    if (cache != null) {
      cache.endScan();
    }
    return out;
  }

  /**
   * Whether the scans of this scanner met a symbolic link: then one file's text can show under
   * several paths, and only a whole scan tells which changed.
   */
  public boolean sawSymbolicLinks() {
    return sawLink;
  }

  /**
   * One file of an earlier scan read again, as a scan reads it; null if it is no longer a regular
   * file or reading it reports a problem (too large, unreadable, invalid UTF-8), which only a whole
   * scan reports in its place.
   */
  public PlanSource.File reread(Path root, String source) {
    Path file = Entries.entry(root, source);
    if (file == null) {
      return null;
    }
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile()) {
        return null;
      }
      Read r = Reading.read(cache, maxBytes, file, source, attrs);
      return r.problem() == null ? r.file() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private List<PlanSource> scanRoot(Path root) throws IOException {
    // Files are read and decoded on the other cores while this thread walks the folders.
    Reading reading = new Reading(cache, maxBytes);
    List<String> sources;
    Map<String, Read> read;
    try {
      sources = list(root, reading);
    } finally {
      read = reading.finish();
    }
    // Group the files of feature folders, OpenSpec changes and Kiro specs; every other file is a
    // plan of its own.
    Map<String, List<String>> groups = new TreeMap<>();
    // Files of one folder belong to the same feature folder (or none): looked up once per folder.
    Map<String, String> folderOfDir = new HashMap<>();
    for (String s : sources) {
      String dir = s.substring(0, Math.max(0, s.lastIndexOf('/')));
      String folder = folderOfDir.computeIfAbsent(dir, d -> UnitFolders.folderOf(s, sources));
      groups.computeIfAbsent(folder, k -> new ArrayList<>()).add(s);
    }
    // A feature folder's plan.md, spec.md and tasks.md come first, in that order.
    groups.replaceAll(
        (folder, files) -> folder.isEmpty() ? files : UnitFolders.primaryFirst(folder, files));
    // What each file reports is added in order.
    Map<String, PlanSource.File> text = new HashMap<>();
    for (String s : groups.values().stream().flatMap(List::stream).toList()) {
      Read r = read.get(s);
      if (r.problem() != null) {
        diagnostics.add(r.problem());
      }
      if (r.file() != null) {
        text.put(r.file().source(), r.file());
      }
    }
    List<PlanSource> plans = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      String folder = g.getKey();
      if (folder.isEmpty()) {
        continue;
      }
      List<PlanSource.File> files = new ArrayList<>();
      for (String s : g.getValue()) {
        PlanSource.File f = text.get(s);
        if (f != null) {
          files.add(f);
        }
      }
      if (!files.isEmpty()) {
        plans.add(new PlanSource(root, folder, files));
      }
    }
    for (String s : groups.getOrDefault("", List.of())) {
      PlanSource.File f = text.get(s);
      if (f != null) {
        plans.add(new PlanSource(root, "", List.of(f)));
      }
    }
    plans.sort((a, b) -> a.primary().source().compareTo(b.primary().source()));
    return plans;
  }

  /**
   * Relative paths of every readable .md file, sorted. Symbolic links are followed while they stay
   * inside the plans folder; one that leads out of it is reported and not followed, so a link to
   * {@code /} or to a home folder never publishes files nobody meant to publish, and a link loop is
   * reported once instead of being walked forever.
   */
  private List<String> list(Path root, Reading reading) throws IOException {
    List<String> found = new ArrayList<>();
    Path realRoot = root.toRealPath();
    Files.walkFileTree(
        root,
        java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (!dir.equals(root)
                && (ALWAYS_IGNORED.contains(name) || ignored(root.relativize(dir)))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.equals(root) && leaves(root, realRoot, dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".md")) {
              return FileVisitResult.CONTINUE;
            }
            Path rel = root.relativize(file);
            if (ignored(rel)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
              sawLink = true;
              diagnostics.add(
                  Diagnostic.warning(
                          Position.of(file, relative(root, file), 0),
                          "symbolic link that cannot be followed (its target is missing, or links loop); skipped")
                      .withHint("remove the link or restore its target"));
            } else if (attrs.isRegularFile() && !leaves(root, realRoot, file)) {
              // The name as the directory entry has it: a backslash is a character of a Linux
              // file name, never a separator, so `..\secret.md` is a file inside the folder.
              String source = Entries.slashed(rel);
              found.add(source);
              reading.add(source, file, attrs);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof java.nio.file.FileSystemLoopException) {
              sawLink = true;
              diagnostics.add(
                  Diagnostic.warning(
                          Position.of(file, relative(root, file), 0),
                          "symbolic link loop: this folder links back to "
                              + linkTarget(file)
                              + ", which contains it; not followed")
                      .withHint("remove the link, or add it to `ignore` in planbake.yml"));
              return FileVisitResult.CONTINUE;
            }
            diagnostics.add(
                Diagnostic.error(
                    Position.of(file, relative(root, file), 0), "cannot read: " + IoReason.of(e)));
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    return found;
  }

  /**
   * Whether {@code p} is reached through a symbolic link that leads out of the plans folder; if so
   * the warning is added here, once, at the link.
   */
  private boolean leaves(Path root, Path realRoot, Path p) {
    if (!Files.isSymbolicLink(p)) {
      return false;
    }
    sawLink = true;
    try {
      if (p.toRealPath().startsWith(realRoot)) {
        return false;
      }
    } catch (IOException e) {
      // Unresolvable: treated like a link that leaves, which is never followed.
    }
    diagnostics.add(
        Diagnostic.warning(
                Position.of(p, relative(root, p), 0),
                "symbolic link to "
                    + linkTarget(p)
                    + " leads out of the plans folder; not followed")
            .withHint("copy the files into the plans folder, or add it as another plans folder"));
    return true;
  }

  private static String linkTarget(Path link) {
    try {
      return Files.isSymbolicLink(link)
          ? Files.readSymbolicLink(link).toString()
          : link.toRealPath().toString();
    } catch (IOException e) {
      return "an unreadable target";
    }
  }

  /** Whether a path relative to the plans folder matches an {@code ignore} glob. */
  private boolean ignored(Path rel) {
    for (PathMatcher m : ignore) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path file) {
    return Entries.slashed(root.relativize(file));
  }
}
