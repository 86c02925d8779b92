package dev.planbake.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the shared plan generator ({@code ../shared/bench/gen-plans}), never a copy of it. */
final class Generator {
  static final Path SCRIPT = Path.of("..", "shared", "bench", "gen-plans");

  private Generator() {}

  static Path corpus(Path dir, int plans, int seed, boolean faults) throws IOException {
    if (Files.exists(dir.resolve("truth.json"))) {
      return dir;
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "python3",
                SCRIPT.toString(),
                dir.toString(),
                "--plans",
                String.valueOf(plans),
                "--seed",
                String.valueOf(seed)));
    if (faults) {
      cmd.add("--faults");
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (p.waitFor() != 0) {
        throw new IOException("gen-plans failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return dir;
  }
}
