package dev.planbake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Hands a {@code build} or {@code check} started as plain {@code java -jar planbake.jar} to a
 * second JVM started by {@code bin/planbake}, which the jar carries: the JVM's defaults (C2, G1, no
 * class-data archive of Planbake's classes, 4 KB pages) suit a server, and a one-shot build of
 * 1,000 plans takes about 2.4 times as long in them as with the launcher's settings
 * (docs/benchmarks.md). Starting the second JVM costs this one ~0.15 s.
 *
 * <p>Only when nothing chose JVM options: none on the command line (it reads {@code java -jar ...})
 * and none in {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} or {@code _JAVA_OPTIONS}. Any
 * option keeps the command in this JVM, so {@code java -Xmx4g -jar planbake.jar build} runs as it
 * always did; so do {@code serve} (it runs for hours, C2 pays off) and the quick commands. Without
 * {@code /bin/sh} (Windows) or when the second JVM cannot be started, this one runs the command.
 */
final class Relaunch {
  /** The launcher script, copied from {@code bin/planbake} into the jar by the build. */
  static final String SCRIPT = "planbake";

  /**
   * Set by the script on the JVM it starts, so that this class knows at no cost that it runs there
   * (asking the process for its arguments takes ~12 ms of a cold start).
   */
  static final String LAUNCHER_PROPERTY = "planbake.launcher";

  /**
   * The first JVM's process id, given to the second: when that process ends, however it ends, the
   * second stops too (see {@link #followParent()}).
   */
  static final String PARENT_VARIABLE = "PLANBAKE_PARENT_PID";

  private static final List<String> COMMANDS = List.of("build", "check");
  private static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
  private static final Path SH = Path.of("/bin/sh");

  private Relaunch() {}

  /**
   * Runs the command in a second JVM if this one was started without options, and returns its exit
   * code; empty when this JVM should run the command itself.
   */
  static Optional<Integer> elsewhere(String[] args) {
    if (args.length == 0
        || !COMMANDS.contains(args[0])
        || System.getProperty(LAUNCHER_PROPERTY) != null
        || !Files.isExecutable(SH)) {
      return Optional.empty();
    }
    Optional<String[]> jvmArgs = ProcessHandle.current().info().arguments();
    Optional<Path> jar = ownJar();
    if (jvmArgs.isEmpty() || jar.isEmpty() || !plain(jvmArgs.get(), System.getenv())) {
      return Optional.empty();
    }
    Optional<String> script = script();
    if (script.isEmpty()) {
      return Optional.empty();
    }
    ProcessBuilder pb = new ProcessBuilder(command(script.get(), args)).inheritIO();
    pb.environment().put("PLANBAKE_JAR", jar.get().toString());
    pb.environment().put(PARENT_VARIABLE, Long.toString(ProcessHandle.current().pid()));
    pb.environment()
        .put("PLANBAKE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    // Killed with SIGTERM (a CI job cancelled), this JVM takes its build with it. On Ctrl-C the
    // terminal interrupts both.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "planbake-relaunch-stop"));
    while (true) {
      try {
        return Optional.of(child.waitFor());
      } catch (InterruptedException e) {
        // Nothing interrupts main but a shutdown, which the hook handles; keep waiting.
      }
    }
  }

  /**
   * In the second JVM, ends this process when the first one ends. Its shutdown hook stops this one
   * on SIGTERM, but {@code kill -9} (an OOM killer, a CI runner tearing down) leaves nothing to run
   * it: the second JVM would build on, then swap its site, by then perhaps older than one a later
   * build published, into the output. A build stopped this way never publishes (the swap waits for
   * no exit, and none is cut in half: see write's publish order), and the next build sweeps its
   * folder away.
   */
  static void followParent() {
    String pid = System.getenv(PARENT_VARIABLE);
    if (pid == null
        || System.getProperty(LAUNCHER_PROPERTY) == null
        || !pid.matches("[0-9]{1,18}")) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
    if (parent.isEmpty() || !parent.get().isAlive()) {
      parentEnded();
      return;
    }
    parent.get().onExit().thenRun(Relaunch::parentEnded);
  }

  private static void parentEnded() {
    System.err.println(
        "planbake: the process that started this build has ended; stopping without publishing");
    System.err.flush();
    System.exit(Main.FAILURE);
  }

  /**
   * Whether this JVM was started as {@code java -jar JAR ...} with no options of its own.
   *
   * @param jvmArgs the process's arguments after the executable
   * @param env the environment
   */
  static boolean plain(String[] jvmArgs, Map<String, String> env) {
    for (String name : OPTION_VARIABLES) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return false;
      }
    }
    return jvmArgs.length >= 2 && jvmArgs[0].equals("-jar");
  }

  /** {@code /bin/sh -c SCRIPT planbake ARGS...}: the script sees the arguments as "$@". */
  static List<String> command(String script, String[] args) {
    List<String> cmd = new ArrayList<>(List.of(SH.toString(), "-c", script, "planbake"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The jar this class was loaded from; empty when run from a classes folder (tests). */
  private static Optional<Path> ownJar() {
    CodeSource src = Relaunch.class.getProtectionDomain().getCodeSource();
    if (src == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
      return p.toString().endsWith(".jar") && Files.isRegularFile(p)
          ? Optional.of(p)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> script() {
    try (InputStream in = Relaunch.class.getResourceAsStream(SCRIPT)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void stop(Process child) {
    if (child.isAlive()) {
      child.destroy();
      try {
        child.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
