package dev.planbake.scan;

import java.nio.file.Path;

/**
 * How a file's directory entry and its source name ({@code sub/a.md}, relative to the plans folder,
 * with {@code /}) turn into each other. The name is the entry's own: on Linux and macOS a backslash
 * is a character of a file name, so {@code ..\secret.md} names a file inside the folder and is
 * never read as a way out of it.
 */
final class Entries {
  private Entries() {}

  /** A relative path's names joined with {@code /}, each name exactly as the folder holds it. */
  static String slashed(Path rel) {
    StringBuilder b = new StringBuilder();
    for (Path name : rel) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(name);
    }
    return b.toString();
  }

  /**
   * The file a source path of an earlier scan names, or null if it does not name one inside the
   * plans folder: each {@code /}-separated name is one directory entry, so no name may be empty,
   * {@code .}, {@code ..} or hold the filesystem's own separator, and the result must stay under
   * {@code root}.
   */
  static Path entry(Path root, String source) {
    String sep = root.getFileSystem().getSeparator();
    Path p = root;
    for (String name : source.split("/", -1)) {
      if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains(sep)) {
        return null;
      }
      p = p.resolve(name);
    }
    Path base = root.toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(base) && abs.getNameCount() > base.getNameCount() ? p : null;
  }
}
