package dev.planbake.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An I/O failure in words. The JDK's file exceptions give only the file ({@code
 * AccessDeniedException: /x}); the operating system's reason is their reason field when it has one,
 * else their kind.
 */
public final class IoReason {
  private IoReason() {}

  /**
   * The failure with its file and reason ({@code /x: permission denied}); a failure with context
   * ("cannot write the site to public") keeps the file it came from.
   */
  public static String explain(IOException e) {
    if (e instanceof FileSystemException f) {
      return (f.getFile() == null ? "" : f.getFile() + ": ") + of(f);
    }
    if (e.getCause() instanceof FileSystemException cause) {
      return e.getMessage() + " (" + explain(cause) + ")";
    }
    return e.getMessage();
  }

  /** The reason alone, for a message that already names the file: {@code permission denied}. */
  public static String of(IOException e) {
    if (!(e instanceof FileSystemException f)) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      boolean file = f.getFile() != null && Files.isRegularFile(Path.of(f.getFile()));
      return file ? "a file is in the way of a folder" : "already exists";
    }
    return e.getClass().getSimpleName();
  }
}
