package dev.planbake;

import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostic;
import dev.planbake.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small plan repository written into a temporary folder, so a test reads like the site it
 * exercises:
 *
 * <pre>{@code
 * TestSite site = TestSite.of(tmp, """
 *     === units/a.md ===
 *     # Unit 1.0: A
 *     === units/b.md ===
 *     # Unit 1.1: B
 *     """);
 * }</pre>
 *
 * The plans folder is {@code dir/plans}; paths in the text are relative to it.
 */
public final class TestSite {
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^=== (.+?) ===\\n");

  private final Path dir;

  private TestSite(Path dir) {
    this.dir = dir;
  }

  /** Writes the files of a text block with {@code === path ===} lines before each file. */
  public static TestSite of(Path dir, String text) {
    Matcher m = SEPARATOR.matcher(text);
    if (!m.find() || m.start() != 0) {
      throw new IllegalArgumentException("a test site starts with an `=== path ===` line");
    }
    TestSite site = new TestSite(dir);
    while (true) {
      String path = m.group(1);
      int from = m.end();
      boolean more = m.find();
      site.write(path, text.substring(from, more ? m.start() : text.length()));
      if (!more) {
        return site;
      }
    }
  }

  /** Writes pairs of path and text: {@code of(dir, "a.md", "# A", "b.md", "# B")}. */
  public static TestSite of(Path dir, String... pathAndText) {
    if (pathAndText.length % 2 != 0) {
      throw new IllegalArgumentException("give a path and a text for each file");
    }
    TestSite site = new TestSite(dir);
    for (int i = 0; i < pathAndText.length; i += 2) {
      site.write(pathAndText[i], pathAndText[i + 1]);
    }
    return site;
  }

  /** Adds or replaces one file of the plans folder. */
  public TestSite write(String path, String text) {
    return write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds or replaces one file of the plans folder with exact bytes (invalid UTF-8, say). */
  public TestSite write(String path, byte[] bytes) {
    try {
      Path file = plans().resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public Path plans() {
    return dir.resolve("plans");
  }

  /** A file of the plans folder. */
  public Path file(String path) {
    return plans().resolve(path);
  }

  public Path out() {
    return dir.resolve("out");
  }

  /** A page of the built site, parsed: {@code page("plans/auth/index.html")}. */
  public org.jsoup.nodes.Document page(String path) {
    try {
      return org.jsoup.Jsoup.parse(out().resolve(path).toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Default settings reading this site's plans and writing to {@link #out()}. */
  public Settings settings() {
    return Settings.defaults().withPlans(List.of(plans())).withOut(out());
  }

  public Site.Result check() {
    try {
      return Site.check(settings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Site.Result build() {
    try {
      return Site.build(settings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Diagnostics as {@code source:line: severity: message (hint)}, source relative to plans/. */
  public static List<String> lines(Site.Result r) {
    return r.diagnostics().stream().map(TestSite::line).toList();
  }

  /** One diagnostic as {@code source:line: severity: message (hint)}, whatever the folder. */
  public static String line(Diagnostic d) {
    String at = d.position().source();
    if (d.position().line() > 0) {
      at += ":" + d.position().line();
    }
    String text = at + ": " + d.severity().label() + ": " + d.message();
    return d.hint().isEmpty() ? text : text + " (" + d.hint() + ")";
  }

  /** Copies a folder tree (the demo plans, say) so a test can edit the copy. */
  public static Path copyTree(Path from, Path to) {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path dest = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }
}
