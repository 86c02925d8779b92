package dev.planbake.diag;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** "cannot read" says why, in the operating system's words (issue 24 item 7). */
class IoReasonTest {
  @Test
  void theReasonIsTheSystemsOrTheKindOfFailure() {
    assertAll(
        () -> assertEquals("permission denied", IoReason.of(new AccessDeniedException("/p/a.md"))),
        () -> assertEquals("no such file or folder", IoReason.of(new NoSuchFileException("/p"))),
        () ->
            assertEquals(
                "Input/output error",
                IoReason.of(new FileSystemException("/p/a.md", null, "Input/output error"))),
        () -> assertEquals("Is a directory", IoReason.of(new IOException("Is a directory"))),
        () ->
            assertEquals(
                "/p/a.md: permission denied",
                IoReason.explain(new AccessDeniedException("/p/a.md"))),
        () ->
            assertEquals(
                "cannot write the site to out (/p/out: permission denied)",
                IoReason.explain(
                    new IOException(
                        "cannot write the site to out", new AccessDeniedException("/p/out")))));
  }
}
