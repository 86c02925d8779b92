package dev.planbake.site;

import dev.planbake.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A site built for a test: the demo content or a generated corpus, and its output folder. */
record BuiltSite(Path out, Site.Result result) {

  static BuiltSite demo(Path tmp) throws IOException {
    return build(demoPlans(tmp), tmp.resolve("demo-out"));
  }

  /**
   * The demo plans, copied out of this project's git repository: built in place, every page would
   * name the commit under test, and golden files would change with every commit.
   */
  static Path demoPlans(Path tmp) {
    Path copy = tmp.resolve("demo-plans");
    return Files.isDirectory(copy)
        ? copy
        : dev.planbake.TestSite.copyTree(Path.of("content", "plans"), copy);
  }

  /** A corpus from the shared generator, built; {@code faults} adds its broken inputs. */
  static BuiltSite generated(Path tmp, int plans, int seed, boolean faults) throws IOException {
    Path corpus = Generator.corpus(tmp.resolve("gen-" + plans + "-" + seed), plans, seed, faults);
    return build(corpus.resolve("plans"), tmp.resolve("gen-out-" + plans + "-" + seed));
  }

  static BuiltSite build(Path plans, Path out) throws IOException {
    Settings s = Settings.defaults().withTitle("Test plans").withPlans(List.of(plans)).withOut(out);
    return new BuiltSite(out, Site.build(s));
  }

  List<Path> htmlPages() {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
