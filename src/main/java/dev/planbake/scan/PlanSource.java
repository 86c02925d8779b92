package dev.planbake.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * The files that make one plan: a single Markdown file, or every Markdown file of a spec-kit
 * feature folder ({@code specs/001-user-auth/}), primary file first.
 *
 * @param root the plans folder they were found in
 * @param folder the feature folder relative to root ("" for a single file)
 */
public record PlanSource(Path root, String folder, List<File> files) {

  public PlanSource {
    files = List.copyOf(files);
  }

  /** A Markdown file, decoded; {@code source} is relative to the plans folder, with {@code /}. */
  public record File(String source, String text) {}

  /** The file the plan is known by: the only file, or a feature folder's plan.md (else spec.md). */
  public File primary() {
    return files.get(0);
  }

  public boolean isFeatureFolder() {
    return !folder.isEmpty();
  }

  /**
   * The feature folder that {@code source} would belong to among {@code all} (sorted), or "": the
   * scanner's rule, for files that are no longer there to scan.
   */
  public static String folderOf(String source, List<String> all) {
    return UnitFolders.folderOf(source, all);
  }
}
