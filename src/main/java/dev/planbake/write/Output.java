package dev.planbake.write;

import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes a site into its output folder: into a fresh folder beside it first, then swapped in, so
 * readers and a failed build never see half a site. Files unchanged since the previous build are
 * hard-linked from it instead of written again. Planbake only ever replaces a folder it created (it
 * leaves a marker file in it) and refuses folders whose loss would hurt.
 */
public final class Output {
  /** Left in every output folder so that a later build knows it may replace it. */
  public static final String MARKER = ".planbake-output";

  private final Path out;
  private final List<Path> plans;

  /**
   * @param out the output folder
   * @param plans the plans folders, which the output must never be or contain
   */
  public Output(Path out, List<Path> plans) {
    this.out = out;
    this.plans = List.copyOf(plans);
  }

  /**
   * A file of the static folder left out of the site.
   *
   * @param file the file
   * @param path its path relative to the static folder, with {@code /}
   * @param reason why it was left out
   */
  public record NotCopied(Path file, String path, String reason) {}

  /** The output folder cannot be used; the message says why and what to do. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Writes every page, then replaces the output folder with the result.
   *
   * @throws Refused if the output folder is one planbake must not replace
   * @throws IOException if the site cannot be written; the previous site is then left as it was
   */
  public void write(List<Page> pages) throws IOException {
    write(pages, () -> {});
  }

  /**
   * As {@link #write(List)}, calling {@code onPage} after each page is written, for progress.
   *
   * @throws Refused if the output folder is one planbake must not replace
   * @throws IOException if the site cannot be written; the previous site is then left as it was
   */
  public void write(List<Page> pages, Runnable onPage) throws IOException {
    try (Writer w = open()) {
      w.writeAll(pages, onPage);
      w.commit();
    }
  }

  /**
   * Starts a site in a fresh folder beside the output, for pages written as they are rendered (a
   * large site never has to be in memory at once). Nothing is replaced until {@link
   * Writer#commit()}; closing an uncommitted writer throws its folder away.
   *
   * @throws Refused if the output folder is one planbake must not replace
   */
  public Writer open() throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    refuseDangerous(abs);
    Path parent = abs.getParent();
    Path fresh;
    long generation;
    try {
      Files.createDirectories(parent);
      sweepAbandoned(parent, abs.getFileName().toString());
      generation = Generations.next(abs);
      fresh = freshFolder(parent, "." + abs.getFileName() + NEW);
      // Marked at once, so that a build that finds it abandoned knows planbake made it.
      Files.writeString(
          fresh.resolve(MARKER),
          "This folder was written by planbake, which replaces it on every build.\n"
              + Generations.line(generation),
          StandardCharsets.UTF_8);
    } catch (FileSystemException e) {
      // The JDK names only the file (the fresh folder's, which the user never chose).
      throw new IOException("cannot write the site to " + out, e);
    }
    return new Writer(abs, fresh, generation);
  }

  /**
   * A build that started before the one whose site the output holds now: its older site is not
   * published over the newer one.
   */
  public static final class Superseded extends IOException {
    Superseded(String message) {
      super(message);
    }
  }

  private static final String NEW = ".new-";
  private static final String OLD = ".old-";

  /**
   * Deletes the folders that builds of this output left beside it when they were killed before they
   * could clean up (Ctrl-C, a cancelled CI job): a fresh folder never swapped in, or a previous
   * site swapped out and not yet deleted. Their names carry the process id of the build that made
   * them, and they hold the marker file; those of a build still running, and any folder without the
   * marker, are left alone (planbake deletes no folder it did not make).
   */
  private static void sweepAbandoned(Path parent, String name) {
    String stem = "." + name;
    List<Path> abandoned = new ArrayList<>();
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(stem))) {
      for (Path p : s) {
        String rest = p.getFileName().toString().substring(stem.length());
        if (rest.startsWith(NEW) || rest.startsWith(OLD)) {
          String pid = rest.substring(NEW.length()).split("-", 2)[0]; // OLD is as long
          if (pid.matches("[0-9]{1,18}")
              && ProcessHandle.of(Long.parseLong(pid)).isEmpty()
              && Files.isRegularFile(p.resolve(MARKER))) {
            abandoned.add(p);
          }
        }
      }
      for (Path p : abandoned) {
        deleteTree(p);
      }
    } catch (IOException e) {
      // Tidying up after others is a courtesy: this build can still be written beside them.
    }
  }

  private static final AtomicInteger FRESH = new AtomicInteger();

  /**
   * A new, empty folder in {@code parent}, with the permissions any new folder gets (the umask's):
   * it becomes the site. {@code Files.createTempDirectory} would make it readable by its owner
   * alone, so a web server running as another user could not serve the site, and it seeds a {@code
   * SecureRandom} for the name (~10 ms of start-up). A name is taken by creating it, so two builds
   * never share one.
   */
  private static Path freshFolder(Path parent, String prefix) throws IOException {
    String stem = prefix + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    for (int attempt = 0; ; attempt++) {
      try {
        return Files.createDirectory(parent.resolve(stem + FRESH.incrementAndGet()));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /** A site being written; safe to use from several threads. */
  public static final class Writer implements AutoCloseable {
    private final Path abs;
    private final Path fresh;
    private final long generation;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private boolean committed;

    /**
     * Whether there is a previous build to link unchanged files from (one look, not one a page).
     */
    private final boolean previousBuild;

    private Writer(Path abs, Path fresh, long generation) {
      this.abs = abs;
      this.fresh = fresh;
      this.generation = generation;
      this.previousBuild = Files.isDirectory(abs);
    }

    /** Writes one page (or hard-links it from the previous build if it is unchanged). */
    public void write(Page p) throws IOException {
      Path target;
      try {
        target = fresh.resolve(p.path()).normalize();
      } catch (InvalidPathException e) {
        throw new IOException("page path is not a valid file name: " + p.path(), e);
      }
      if (!target.startsWith(fresh) || target.equals(fresh)) {
        throw new IOException("page path leaves the output folder: " + p.path());
      }
      Path folder = target.getParent();
      if (!folders.contains(folder)) {
        Files.createDirectories(folder);
        folders.add(folder);
      }
      if (!previousBuild || !linkedUnchanged(abs.resolve(p.path()), target, p.bytes())) {
        Files.write(target, p.bytes());
      }
      written.incrementAndGet();
    }

    /**
     * Writes pages on several threads: thousands of small files are paced by the file system, not
     * the CPU, and it serves several writers at once faster than one.
     */
    public void writeAll(List<Page> pages, Runnable onPage) throws IOException {
      // The first failure stops further writes, but every task finishes before this returns:
      // nothing may still be writing when the caller throws the folder away.
      AtomicReference<IOException> failure = new AtomicReference<>();
      pages.parallelStream()
          .forEach(
              p -> {
                if (failure.get() != null) {
                  return;
                }
                try {
                  write(p);
                  onPage.run();
                } catch (IOException e) {
                  failure.compareAndSet(null, e);
                }
              });
      if (failure.get() != null) {
        throw failure.get();
      }
    }

    /**
     * Copies every file of {@code dir} (the site's {@code static/} folder) to the same path under
     * the site root, as Hugo and Zola do: {@code CNAME}, {@code .nojekyll}, images. Call it after
     * the pages are written: a file whose path a page already has is not copied, nor is a symbolic
     * link (it could publish a file from anywhere). A missing folder copies nothing.
     *
     * @return what was not copied, and why
     */
    public List<NotCopied> copyStatic(Path dir) throws IOException {
      List<NotCopied> skipped = new ArrayList<>();
      if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return skipped;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir)) {
        files =
            s.filter(f -> !Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .sorted()
                .toList();
      }
      for (Path f : files) {
        Path rel = dir.relativize(f);
        Path target = fresh;
        for (Path name : rel) {
          target = target.resolve(name.toString());
        }
        String shown = rel.toString().replace(rel.getFileSystem().getSeparator().charAt(0), '/');
        if (Files.isSymbolicLink(f)) {
          skipped.add(
              new NotCopied(f, shown, "a symbolic link; copy the file itself into the folder"));
        } else if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          skipped.add(new NotCopied(f, shown, "not a regular file"));
        } else if (Files.exists(target) || shown.equals(MARKER)) {
          skipped.add(new NotCopied(f, shown, "the site has a page at this path, which is kept"));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
          written.incrementAndGet();
        }
      }
      return skipped;
    }

    /** How many pages were written so far. */
    public int written() {
      return written.get();
    }

    /**
     * Swaps the folder, marked as planbake's since it was made, in for the output folder, unless a
     * build of the same output that started after this one has published already.
     *
     * @throws Superseded if a later build's site is there; this one's is then thrown away
     */
    public void commit() throws IOException {
      Generations.publish(abs, generation, () -> swap(fresh, abs));
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        deleteTree(fresh);
      }
    }
  }

  /** Hard-links an unchanged file of the previous build; false if it must be written. */
  private static boolean linkedUnchanged(Path previous, Path target, byte[] bytes) {
    try {
      if (Files.isRegularFile(previous)
          && Files.size(previous) == bytes.length
          && Arrays.equals(Files.readAllBytes(previous), bytes)) {
        Files.createLink(target, previous);
        return true;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Hard links are an optimisation; writing the file is always correct.
    }
    return false;
  }

  private void refuseDangerous(Path abs) throws IOException {
    if (abs.getParent() == null) {
      throw new Refused("refusing to write the site into the filesystem root " + abs);
    }
    String home = System.getProperty("user.home");
    if (home != null && abs.equals(Path.of(home).toAbsolutePath().normalize())) {
      throw new Refused("refusing to replace your home folder " + abs + "; choose another --out");
    }
    for (Path p : plans) {
      Path plansAbs = p.toAbsolutePath().normalize();
      if (plansAbs.startsWith(abs)) {
        throw new Refused(
            "refusing to replace "
                + out
                + ": it "
                + (plansAbs.equals(abs) ? "is" : "contains")
                + " the plans folder "
                + p
                + "; choose another --out");
      }
    }
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new Refused("refusing to replace " + out + ": it is a file, not a folder");
    }
    if (Files.isDirectory(abs) && !Files.exists(abs.resolve(MARKER)) && !isEmpty(abs)) {
      throw new Refused(
          "refusing to replace "
              + out
              + ": it is not empty and was not written by planbake"
              + " (no "
              + MARKER
              + " file in it); empty it or choose another --out");
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static void swap(Path fresh, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + OLD
                  + ProcessHandle.current().pid()
                  + "-"
                  + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
