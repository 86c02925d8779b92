package dev.planbake.config;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Fatal;
import dev.planbake.diag.Hints;
import dev.planbake.diag.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code planbake.yml}. Every key is typed and known; an unknown or mistyped key is an error
 * naming its line, with the nearest known key as a hint, so a typo never silently does nothing.
 */
public final class ConfigFile {
  public static final String NAME = "planbake.yml";

  static final List<String> KEYS =
      List.of(
          "title",
          "base_url",
          "plans",
          "output",
          "theme",
          "edit_url",
          "ignore",
          "trust_html",
          "max_file_size");

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?", Pattern.CASE_INSENSITIVE);

  private ConfigFile() {}

  /**
   * Applies the file's keys over {@code defaults}; paths in it are relative to its folder.
   *
   * @throws IOException if the file cannot be read
   * @throws Fatal with every problem found in it, if it is not valid
   */
  public static Settings load(Path file, Settings defaults) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Path base = relativeToCwd(dir);
    List<Diagnostic> problems = new ArrayList<>();
    List<Yaml.Entry> entries;
    try {
      entries = Yaml.readMapping(text);
    } catch (Yaml.Problem p) {
      throw new Fatal(
          List.of(Diagnostic.error(at(file, p.line()), "not valid YAML: " + p.getMessage())));
    }
    Settings s = defaults.withBase(base);
    for (Yaml.Entry e : entries) {
      Position pos = at(file, e.line());
      switch (e.key()) {
        case "title" -> s = s.withTitle(scalar(e, pos, problems));
        case "base_url" ->
            s = s.withBaseUrl(webAddress(e, pos, "https://plans.example.com/", problems));
        case "plans" -> s = s.withPlans(e.values().stream().map(base::resolve).toList());
        case "output" -> s = s.withOut(base.resolve(scalar(e, pos, problems)));
        case "theme" -> s = s.withTheme(base.resolve(scalar(e, pos, problems)));
        case "edit_url" ->
            s =
                s.withEditUrl(
                    webAddress(e, pos, "https://github.com/acme/plans/edit/main/", problems));
        case "ignore" -> s = s.withIgnore(e.values());
        case "trust_html" -> s = s.withTrustHtml(bool(e, pos, problems));
        case "max_file_size" -> s = s.withMaxFileBytes(size(e, pos, problems));
        default ->
            problems.add(
                Diagnostic.error(pos, "unknown key `" + e.key() + "`").withHint(hintFor(e.key())));
      }
    }
    if (!problems.isEmpty()) {
      throw new Fatal(problems);
    }
    return s;
  }

  private static Path relativeToCwd(Path dir) {
    Path cwd = Path.of("").toAbsolutePath();
    return dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
  }

  private static Position at(Path file, int line) {
    return Position.of(file, file.getFileName().toString(), line);
  }

  /** An absolute http(s) address, or "" (none) with a problem when the value is not one. */
  private static String webAddress(
      Yaml.Entry e, Position pos, String example, List<Diagnostic> problems) {
    String url = scalar(e, pos, problems);
    if (Settings.isWebAddress(url)) {
      return url;
    }
    problems.add(
        Diagnostic.error(
            pos,
            "`"
                + e.key()
                + "` must be an absolute http(s) address such as "
                + example
                + ", not `"
                + url
                + "`"));
    return "";
  }

  private static String scalar(Yaml.Entry e, Position pos, List<Diagnostic> problems) {
    if (e.sequence()) {
      problems.add(Diagnostic.error(pos, "`" + e.key() + "` takes one value, not a list"));
      return "";
    }
    return e.scalar().strip();
  }

  private static boolean bool(Yaml.Entry e, Position pos, List<Diagnostic> problems) {
    String v = scalar(e, pos, problems).toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    problems.add(Diagnostic.error(pos, "`" + e.key() + "` must be true or false, not `" + v + "`"));
    return false;
  }

  private static long size(Yaml.Entry e, Position pos, List<Diagnostic> problems) {
    String v = scalar(e, pos, problems);
    Matcher m = SIZE.matcher(v);
    if (!m.matches()) {
      problems.add(
          Diagnostic.error(pos, "`" + e.key() + "` must be a size like 5MB, not `" + v + "`"));
      return Settings.DEFAULT_MAX_FILE_BYTES;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit.charAt(0)) {
      case 'k' -> n * 1024;
      case 'm' -> n * 1024 * 1024;
      case 'g' -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  /** The nearest known key, or the list of keys when none is near. */
  static String hintFor(String key) {
    String hint = Hints.didYouMean(key, KEYS);
    return hint.isEmpty() ? "known keys: " + String.join(", ", KEYS) : hint;
  }
}
