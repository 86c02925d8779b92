package dev.planbake.site;

import dev.planbake.diag.Diagnostic;
import dev.planbake.model.FileChange;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the file paths a plan names that do not exist in the code repository: its "Files to
 * Create/Update" entries, paths in backticks ({@code `src/app/Main.java`}) and the targets of its
 * relative Markdown links and images. Plans drift from the code they describe; this says where, at
 * the plan's file and line.
 */
final class RepoFiles {
  /** A backticked word that looks like a path: a slash, or a name with an extension. */
  private static final Pattern BACKTICKED =
      Pattern.compile("`([A-Za-z0-9_.@~+-]+(?:/[A-Za-z0-9_.@~+-]+)*/?)`");

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

  /** An inline link or image target, {@code ](docs/a.md "title")}, or a link definition. */
  private static final Pattern LINK =
      Pattern.compile(
          "\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)|^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)");

  /** A code span: what is inside is not a link. */
  private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

  /** A target that leaves the repository: a URL scheme, a protocol-relative URL, an anchor. */
  private static final Pattern NOT_A_FILE = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|#)");

  private final Path repoRoot;

  RepoFiles(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  List<Diagnostic> missing(List<Plan> plans) {
    List<Diagnostic> out = new ArrayList<>();
    for (Plan plan : plans) {
      Set<String> reported = new HashSet<>();
      List<String[]> texts = new ArrayList<>();
      for (String f : plan.files()) {
        texts.add(new String[] {f, read(plan.root().resolve(f))});
      }
      for (FileChange fc : changes(plan)) {
        if (!exists(fc.path())) {
          String file = fileWithLine(texts, fc.line(), fc.path(), plan.source());
          if (reported.add(file + ":" + fc.line() + ":" + fc.path())) {
            out.add(
                Diagnostic.warning(
                        plan.at(file, fc.line()),
                        "`"
                            + fc.path()
                            + "`"
                            + (fc.action().isEmpty() ? "" : " (to " + fc.action() + ")")
                            + " does not exist in "
                            + repoRoot)
                    .withHint("correct the path, or update the plan if the file moved"));
          }
        }
      }
      for (String[] t : texts) {
        prose(plan, t[0], t[1], reported, out);
      }
    }
    return out;
  }

  /** The lines of a plan file outside code fences, each checked for paths and links. */
  private void prose(
      Plan plan, String file, String text, Set<String> reported, List<Diagnostic> out) {
    Path folder = plan.root().resolve(file).toAbsolutePath().normalize().getParent();
    String[] lines = text.split("\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      if (FENCE.matcher(lines[i]).find()) {
        inFence = !inFence;
      } else if (!inFence) {
        backticked(plan, file, i + 1, lines[i], reported, out);
        linked(plan, file, folder, i + 1, lines[i], reported, out);
      }
    }
  }

  private void backticked(
      Plan plan, String file, int line, String text, Set<String> reported, List<Diagnostic> out) {
    Matcher m = BACKTICKED.matcher(text);
    while (m.find()) {
      String path = m.group(1);
      boolean looksLikePath =
          (path.contains("/") && !path.startsWith("/") && !path.startsWith("~"))
              || path.matches("[^/]+\\.[A-Za-z][A-Za-z0-9]{0,7}");
      if (!looksLikePath || path.startsWith("..") || exists(path)) {
        continue;
      }
      if (reported.add(file + ":" + line + ":" + path)) {
        out.add(
            Diagnostic.warning(plan.at(file, line), "`" + path + "` does not exist in " + repoRoot)
                .withHint("correct the path, or drop the backticks if it is not a file"));
      }
    }
  }

  /**
   * Relative link targets that lead to no file, from the plan's own folder or from the repository
   * root (plans are often written with paths from the root, as the code's README would be).
   */
  private void linked(
      Plan plan,
      String file,
      Path folder,
      int line,
      String text,
      Set<String> reported,
      List<Diagnostic> out) {
    if (text.indexOf(']') < 0) {
      return;
    }
    Matcher m = LINK.matcher(CODE_SPAN.matcher(text).replaceAll(" "));
    while (m.find()) {
      String target = m.group(1) != null ? m.group(1) : m.group(2);
      String path = target.replaceFirst("[?#].*$", "");
      if (path.isEmpty() || NOT_A_FILE.matcher(target).find() || linkedFileExists(folder, path)) {
        continue;
      }
      if (reported.add(file + ":" + line + ":" + path)) {
        out.add(
            Diagnostic.warning(
                    plan.at(file, line), "link to `" + path + "` leads to no file in " + repoRoot)
                .withHint("correct the link, or update the plan if the file moved"));
      }
    }
  }

  private boolean linkedFileExists(Path folder, String path) {
    try {
      String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (decoded.startsWith("/")) {
        return exists(decoded.substring(1)); // from the repository's root, as GitHub reads it
      }
      Path near = folder.resolve(decoded).normalize();
      // A link that climbs out of the repository is not looked up (nor reported).
      return !near.startsWith(repoRoot) || Files.exists(near) || exists(decoded);
    } catch (IllegalArgumentException e) { // a malformed %-escape, or InvalidPathException
      return false;
    }
  }

  private static List<FileChange> changes(Plan plan) {
    List<FileChange> all = new ArrayList<>(plan.rest().files());
    for (PlanUnit u : plan.units()) {
      all.addAll(u.content().files());
    }
    return all;
  }

  /** The file of the plan whose line {@code line} names {@code path} (the plan's own if none). */
  private static String fileWithLine(List<String[]> texts, int line, String path, String source) {
    for (String[] t : texts) {
      String[] lines = t[1].split("\n", -1);
      if (line >= 1 && line <= lines.length && lines[line - 1].contains(path)) {
        return t[0];
      }
    }
    return source;
  }

  private boolean exists(String path) {
    try {
      Path p = repoRoot.resolve(path.replaceFirst("^\\./", "")).normalize();
      return p.startsWith(repoRoot) && Files.exists(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
