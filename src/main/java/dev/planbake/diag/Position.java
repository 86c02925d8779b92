package dev.planbake.diag;

import java.nio.file.Path;

/**
 * Where a problem is: the file as the user can open it, the path relative to its plans folder (with
 * {@code /}), and a 1-based line and column (0 when unknown).
 */
public record Position(Path file, String source, int line, int column) {

  public static Position of(Path file, String source, int line) {
    return new Position(file, source, line, 0);
  }

  public Position atLine(int newLine) {
    return new Position(file, source, newLine, 0);
  }

  /**
   * {@code path:line} or {@code path:line:col}, with the path relative to {@code cwd} if inside.
   */
  public String display(Path cwd) {
    Path shown = file;
    Path abs = file.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    if (abs.startsWith(base)) {
      shown = base.relativize(abs);
    }
    // Only the filesystem's own separator becomes `/`: on Linux a backslash is part of a name.
    String p = shown.toString().replace(shown.getFileSystem().getSeparator().charAt(0), '/');
    if (line <= 0) {
      return p;
    }
    return column > 0 ? p + ":" + line + ":" + column : p + ":" + line;
  }
}
