package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a plain {@code java -jar planbake.jar build} also ends the second JVM it
 * handed the build to, before that one publishes: left running, it would swap its site, by then
 * perhaps older than a later build's, into the output (issue 24 item 5).
 */
class RelaunchKillIT {
  private static final Path JAR = Path.of("target", "planbake.jar");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void theSecondJvmEndsWithTheFirstAndPublishesNothing(@TempDir Path tmp) throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    // Enough plans that the build is still going when the first JVM is killed.
    for (int n = 1; n <= 3000; n++) {
      Files.writeString(
          plans.resolve(String.format(Locale.ROOT, "unit-%d-0.md", n)),
          String.format(
              Locale.ROOT,
              "# Unit %d.0: Part %d\n\n**Depends on:** Unit %d.0\n\n- [x] Design\n- [ ] Build\n",
              n,
              n,
              Math.max(1, n - 1)));
    }
    Path out = tmp.resolve("site");
    ProcessBuilder pb =
        new ProcessBuilder(
            JAVA,
            "-jar",
            JAR.toString(),
            "build",
            "--plans",
            plans.toString(),
            "--out",
            out.toString());
    pb.environment()
        .keySet()
        .removeAll(
            List.of(
                "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "PLANBAKE_JAVA_OPTS"));
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    Process first = pb.start();
    ProcessHandle second = null;
    for (int i = 0; i < 500 && second == null; i++) {
      second =
          first
              .descendants()
              .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
              .findFirst()
              .orElse(null);
      Thread.sleep(20);
    }
    assertTrue(second != null, "the build was handed to a second JVM");
    first.destroyForcibly(); // SIGKILL: no shutdown hook of the first JVM runs
    first.waitFor(10, TimeUnit.SECONDS);
    boolean ended;
    try {
      second.onExit().get(30, TimeUnit.SECONDS);
      ended = true;
    } catch (java.util.concurrent.TimeoutException e) {
      ended = false;
      second.destroyForcibly();
      second.onExit().get(30, TimeUnit.SECONDS);
    }
    boolean secondEnded = ended;
    String said = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
    assertAll(
        () -> assertTrue(secondEnded, "the second JVM outlived the first by 30 s: " + said),
        () -> assertTrue(Files.notExists(out), "a site was published after the kill: " + said),
        () ->
            assertTrue(
                said.contains(
                    "planbake: the process that started this build has ended; stopping without"
                        + " publishing"),
                said));
  }
}
