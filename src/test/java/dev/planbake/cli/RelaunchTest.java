package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a plain {@code java -jar} hands its command to the launcher, and how. */
class RelaunchTest {
  private static final String[] PLAIN = {"-jar", "target/planbake.jar", "build"};

  @Test
  void onlyAJvmStartedWithoutOptionsHandsOver() {
    assertTrue(Relaunch.plain(PLAIN, Map.of()));
    assertFalse(
        Relaunch.plain(new String[] {"-Xmx4g", "-jar", "target/planbake.jar", "build"}, Map.of()),
        "an option on the command line keeps the command in this JVM");
    assertFalse(
        Relaunch.plain(
            new String[] {"-cp", "target/planbake.jar", "dev.planbake.cli.Main"}, Map.of()),
        "started by class name, not as a jar");
  }

  @Test
  void optionsFromTheEnvironmentKeepTheCommandInThisJvm() {
    for (String name : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      assertFalse(Relaunch.plain(PLAIN, Map.of(name, "-XX:+UseG1GC")), name);
      assertTrue(Relaunch.plain(PLAIN, Map.of(name, " ")), name + " set but blank");
    }
    assertTrue(Relaunch.plain(PLAIN, Map.of("PLANBAKE_JAVA_OPTS", "-Xmx2g")), "the script's own");
  }

  @Test
  void theScriptGetsTheArgumentsAsTheyCame() {
    List<String> cmd = Relaunch.command("echo \"$@\"", new String[] {"build", "--out", "a b"});
    assertEquals(List.of("/bin/sh", "-c", "echo \"$@\"", "planbake", "build", "--out", "a b"), cmd);
  }

  @Test
  void theJarCarriesTheLauncherAsItIs() throws IOException {
    try (InputStream in = Relaunch.class.getResourceAsStream(Relaunch.SCRIPT)) {
      assertNotNull(in, "bin/planbake is copied into the jar beside Relaunch");
      assertArrayEquals(Files.readAllBytes(Path.of("bin", "planbake")), in.readAllBytes());
    }
  }

  @Test
  void otherCommandsAndTestsRunInThisJvm() {
    // serve runs for hours (C2 pays off there); --version and --help are over in a moment; and
    // these tests load Planbake from a classes folder, not a jar.
    for (String[] args :
        List.of(
            new String[] {"serve"},
            new String[] {"--version"},
            new String[] {},
            new String[] {"build"},
            new String[] {"check"})) {
      assertEquals(Optional.empty(), Relaunch.elsewhere(args), String.join(" ", args));
    }
  }
}
