package dev.planbake.write;

import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
    Path abs = out.toAbsolutePath().normalize();
    refuseDangerous(abs);
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, "." + abs.getFileName() + ".new-");
    try {
      for (Page p : pages) {
        Path target;
        try {
          target = fresh.resolve(p.path()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
          throw new IOException("page path is not a valid file name: " + p.path(), e);
        }
        if (!target.startsWith(fresh) || target.equals(fresh)) {
          throw new IOException("page path leaves the output folder: " + p.path());
        }
        Files.createDirectories(target.getParent());
        Path previous = abs.resolve(p.path());
        if (!linkedUnchanged(previous, target, p.bytes())) {
          Files.write(target, p.bytes());
        }
      }
      Files.writeString(
          fresh.resolve(MARKER),
          "This folder was written by planbake, which replaces it on every build.\n",
          StandardCharsets.UTF_8);
      swap(fresh, abs);
    } catch (IOException | RuntimeException e) {
      deleteTree(fresh);
      throw e;
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
      old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
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
