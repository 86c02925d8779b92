package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.site.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void showsNothingWithoutAnInteractiveTerminalOrInCi() {
    // The test JVM has no console: output goes to files, as in CI.
    assertSame(Site.Progress.NONE, ProgressDisplay.forTerminal(Map.of("TERM", "xterm")));
    assertSame(Site.Progress.NONE, ProgressDisplay.forTerminal(Map.of("CI", "true")));
  }

  @Test
  void drawsABarPerStage() throws InterruptedException {
    String out = run(true);
    assertTrue(out.contains("parse"), out);
    assertTrue(out.contains("render"), out);
    assertTrue(out.contains("4/4"), out);
    assertTrue(out.contains("\u001b["), "coloured when NO_COLOR is unset");
  }

  @Test
  void noColourDrawsNoEscapeSequences() throws InterruptedException {
    String out = run(false);
    assertTrue(out.contains("parse"), out);
    assertFalse(out.contains("\u001b["), out);
  }

  @Test
  void aQuickBuildShowsNoBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressDisplay d =
        new ProgressDisplay(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 60_000_000_000L);
    d.update("parse", 1, 2);
    d.close();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }

  private static String run(boolean colour) throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressDisplay d =
        new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), colour, 0);
    for (int i = 1; i <= 4; i++) {
      d.update("parse", i, 4);
      Thread.sleep(60);
    }
    for (int i = 1; i <= 4; i++) {
      d.update("render", i, 4);
      Thread.sleep(60);
    }
    d.close();
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
