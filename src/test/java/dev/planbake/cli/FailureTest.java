package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** What a user reads when a command stops on something other than a problem in the plans. */
class FailureTest {
  private static String failed(Exception e, boolean verbose) {
    StringWriter out = new StringWriter();
    Main.failed(e, new PrintWriter(out, true), verbose);
    return out.toString().replace("\r\n", "\n");
  }

  @Test
  void aFileFailureSaysWhichFileAndWhy() {
    assertEquals(
        "planbake: site/a.html: permission denied\n",
        failed(new AccessDeniedException("site/a.html"), false));
    assertEquals(
        "planbake: plans/x.md: no such file or folder\n",
        failed(new UncheckedIOException(new NoSuchFileException("plans/x.md")), false));
    assertEquals(
        "planbake: cannot write the site to public (/x: Read-only file system)\n",
        failed(
            new IOException(
                "cannot write the site to public",
                new FileSystemException("/x", null, "Read-only file system")),
            false));
  }

  @Test
  void aBugSaysItIsOneAndVerboseShowsWhere() {
    NullPointerException bug = new NullPointerException("unit.title()");
    assertEquals(
        "planbake: internal error: java.lang.NullPointerException: unit.title() (--verbose shows"
            + " where; please report it)\n",
        failed(bug, false));
    String verbose = failed(bug, true);
    assertTrue(
        verbose.startsWith(
            "planbake: internal error: java.lang.NullPointerException: unit.title()\n"
                + "java.lang.NullPointerException: unit.title()\n\tat dev.planbake.cli.FailureTest"),
        verbose);
  }
}
