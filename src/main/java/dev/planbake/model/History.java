package dev.planbake.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What git knows of the plans: the commit the site is built from and, for each committed plan file,
 * when it was created and last changed. {@link #NONE} when the plans are not in a git repository:
 * pages then say nothing of history.
 *
 * @param head the commit checked out (HEAD), null for {@link #NONE}
 * @param shallow whether the clone is shallow, so that older history is missing
 * @param files each committed plan file's history, by its absolute, normalised path
 * @param revisions the changes to plan files in the weeks before HEAD ({@link #WEEKS}), newest
 *     first, with their texts
 */
public record History(
    Commit head, boolean shallow, Map<Path, FileHistory> files, List<Revision> revisions) {
  public static final History NONE = new History(null, false, Map.of(), List.of());

  /** How far back the revisions reach, in weeks before the day of HEAD. */
  public static final int WEEKS = 12;

  public History {
    files = Map.copyOf(files);
    revisions = List.copyOf(revisions);
  }

  /** Whether the plans are in a git repository with at least one commit. */
  public boolean present() {
    return head != null;
  }

  /** The history of {@code file} (any form of its path), or null if git has none for it. */
  public FileHistory of(Path file) {
    return files.get(file.toAbsolutePath().normalize());
  }
}
