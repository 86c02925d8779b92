package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar (run by Maven's failsafe plugin after {@code package}): a plain {@code java -jar
 * target/planbake.jar build} builds in a second JVM with bin/planbake's settings, and any JVM
 * option keeps it in one. Which JVM built the site is read from the {@code jvm} line of {@code
 * --verbose}.
 */
class RelaunchIT {
  private static final Path JAR = Path.of("target", "planbake.jar");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private record Run(int exit, String out, String err) {
    String jvm() {
      return err.lines().filter(l -> l.startsWith("  jvm ")).findFirst().orElse("(no jvm line)");
    }
  }

  private static Run run(Map<String, String> env, Path dir, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeAll(
            List.of(
                "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "PLANBAKE_JAVA_OPTS"));
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    int exit = pb.start().waitFor();
    return new Run(
        exit,
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private static String[] java(List<String> jvmOptions, Path out) {
    return java(JAR, jvmOptions, out);
  }

  private static String[] java(Path jar, List<String> jvmOptions, Path out) {
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "build", "--verbose", "--strict"));
    cmd.addAll(List.of("--plans", "content/plans", "--out", out.toString()));
    return cmd.toArray(String[]::new);
  }

  @Test
  void aPlainJavaJarBuildRunsWithTheLaunchersSettings(@TempDir Path tmp) throws Exception {
    Run r =
        run(
            Map.of("PLANBAKE_JAVA_OPTS", "-Dplanbake.it=passed"),
            tmp,
            java(List.of(), tmp.resolve("site")));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.jvm().contains("-XX:TieredStopAtLevel=1"), r.jvm());
    assertTrue(r.jvm().contains("-Dplanbake.it=passed"), "PLANBAKE_JAVA_OPTS reach it: " + r.jvm());
    assertTrue(Files.isRegularFile(tmp.resolve("site").resolve("index.html")));
    assertTrue(r.out().contains(" 0 errors"), r.out());
  }

  @Test
  void aJarInAFolderWhoseNameHasASpaceStillHandsOver(@TempDir Path tmp) throws Exception {
    // The launcher passes the jar's and the class-data archive's paths as one argument each,
    // while PLANBAKE_JAVA_OPTS is still split into words.
    Path dir = Files.createDirectories(tmp.resolve("my plans tool"));
    Path jar = Files.copy(JAR, dir.resolve("planbake.jar"));
    Path jsa = Files.copy(Path.of("target", "planbake.jsa"), dir.resolve("planbake.jsa"));
    // The launcher takes an archive only if it is newer than the jar, as `mvn package` leaves it.
    Files.setLastModifiedTime(
        jsa,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(jar).toMillis() + 2_000));
    Run r =
        run(
            Map.of("PLANBAKE_JAVA_OPTS", "-Dplanbake.a=1 -Dplanbake.b=2"),
            tmp,
            java(jar, List.of(), tmp.resolve("site")));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.jvm().contains("-XX:TieredStopAtLevel=1"), r.jvm());
    assertTrue(r.jvm().contains("-XX:SharedArchiveFile=" + jsa + " "), r.jvm());
    assertTrue(r.jvm().endsWith(" -Dplanbake.a=1 -Dplanbake.b=2"), r.jvm());
    assertTrue(Files.isRegularFile(tmp.resolve("site").resolve("index.html")));
  }

  @Test
  void theExitCodeAndMessagesComeBackFromTheSecondJvm(@TempDir Path tmp) throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Files.writeString(
        plans.resolve("alpha.md"), "# Unit 1.0: Alpha\n\n- [ ] Ship\n\nDepends on: Unit 9.9\n");
    Run r =
        run(
            Map.of(),
            tmp,
            JAVA,
            "-jar",
            JAR.toString(),
            "check",
            "--verbose",
            "--plans",
            plans.toString());
    assertTrue(
        r.jvm().contains("-XX:TieredStopAtLevel=1"), "checked in the second JVM: " + r.jvm());
    assertEquals(Main.PROBLEMS, r.exit(), r.err());
    assertTrue(r.err().contains("alpha.md:5: error: "), r.err());
  }

  @Test
  void aJvmOptionKeepsTheBuildInOneJvm(@TempDir Path tmp) throws Exception {
    Run r = run(Map.of(), tmp, java(List.of("-Xmx1g"), tmp.resolve("site")));
    assertEquals(0, r.exit(), r.err());
    assertEquals("  jvm     -Xmx1g", r.jvm());

    Run env = run(Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), tmp, java(List.of(), tmp.resolve("site")));
    assertEquals(0, env.exit(), env.err());
    assertEquals("  jvm     -Xmx1g", env.jvm());
  }
}
