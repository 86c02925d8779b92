package dev.planbake.scan;

import dev.planbake.model.SafePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The folders whose files make ONE plan, as the tools that write them mean it:
 *
 * <ul>
 *   <li>a spec-kit feature folder {@code specs/001-user-auth/} holding plan.md, spec.md or
 *       tasks.md;
 *   <li>an OpenSpec change {@code openspec/changes/<change-id>/} or {@code
 *       changes/archive/<date>-<change-id>/} holding proposal.md or tasks.md;
 *   <li>a Kiro spec {@code .kiro/specs/<feature>/} holding requirements.md, design.md or tasks.md,
 *       and anywhere a folder holding all three of them.
 * </ul>
 *
 * A file belongs to the nearest such folder above it (an OpenSpec change's {@code specs/} and
 * {@code tasks/} subfolders are part of the change).
 */
final class UnitFolders {
  private UnitFolders() {}

  private static final List<String> SPECKIT = List.of("plan.md", "spec.md", "tasks.md");
  private static final List<String> OPENSPEC = List.of("proposal.md", "tasks.md");
  private static final List<String> KIRO = List.of("requirements.md", "design.md", "tasks.md");

  /** The order a folder's files are read in: the file known by first, proposal before design. */
  private static final List<String> PRIMARY =
      List.of("plan.md", "spec.md", "tasks.md", "proposal.md", "requirements.md");

  /**
   * The plan folder a file belongs to ("" if none): the nearest ancestor that is a spec-kit feature
   * folder, an OpenSpec change or a Kiro spec. {@code all} is every file found, sorted.
   */
  static String folderOf(String source, List<String> all) {
    String dir = source;
    int slash;
    while ((slash = dir.lastIndexOf('/')) > 0) {
      dir = dir.substring(0, slash);
      if (isUnitFolder(dir, all)) {
        return dir;
      }
    }
    return "";
  }

  private static boolean isUnitFolder(String dir, List<String> all) {
    String name = dir.substring(dir.lastIndexOf('/') + 1);
    String parent = parentName(dir);
    if (SafePath.isFeatureFolder(name) && holdsAny(dir, SPECKIT, all)) {
      return true;
    }
    if (parent.equals("changes")
        || (parent.equals("archive") && parentName(parentOf(dir)).equals("changes"))) {
      return holdsAny(dir, OPENSPEC, all);
    }
    if (parent.equals("specs") && parentName(parentOf(dir)).equals(".kiro")) {
      return holdsAny(dir, KIRO, all);
    }
    return KIRO.stream().allMatch(f -> holds(dir, f, all));
  }

  private static boolean holdsAny(String dir, List<String> names, List<String> all) {
    for (String n : names) {
      if (holds(dir, n, all)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(String dir, String name, List<String> all) {
    return Collections.binarySearch(all, dir + "/" + name) >= 0;
  }

  private static String parentOf(String dir) {
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "" : dir.substring(0, slash);
  }

  private static String parentName(String dir) {
    String p = parentOf(dir);
    return p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * A folder's files with the file the plan is known by first (plan.md, else spec.md, tasks.md,
   * proposal.md, requirements.md), then proposal.md and requirements.md before the rest.
   */
  static List<String> primaryFirst(String folder, List<String> files) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String p : PRIMARY) {
      String s = folder + "/" + p;
      if (files.contains(s)) {
        ordered.put(s, s);
      }
    }
    for (String s : files) {
      ordered.putIfAbsent(s, s);
    }
    return new ArrayList<>(ordered.keySet());
  }
}
