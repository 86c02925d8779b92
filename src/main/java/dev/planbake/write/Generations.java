package dev.planbake.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps builds of one output folder in the order they started. Each build takes the next number
 * from a lock file beside the output ({@code .public.lock}) when it starts and writes it into its
 * marker file; it publishes only if the site in place has a smaller one. So a build that was left
 * running (a relaunched JVM whose parent was killed, a slow CI job) can never swap its older site
 * over a newer one, whichever finishes last. Numbers are handed out and sites swapped while holding
 * the operating system's lock on that file, so two processes never interleave.
 *
 * <p>No swap is ever cut in half by an orderly exit (Ctrl-C, SIGTERM, {@code System.exit}): a
 * shutdown hook waits for a swap under way to end and lets no other start.
 */
final class Generations {
  private Generations() {}

  private static final String PREFIX = "generation: ";

  /**
   * Held around every number handed out and every swap in this JVM: the operating system's file
   * lock is per process, and two threads asking for it at once would fail rather than wait.
   */
  private static final ReentrantLock PUBLISHING = new ReentrantLock();

  private static volatile boolean shuttingDown;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    // A swap takes two renames; ten seconds is the disk failing, not a swap.
                    if (PUBLISHING.tryLock(10, TimeUnit.SECONDS)) {
                      shuttingDown = true;
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "planbake-publish-guard"));
  }

  interface Swap {
    void run() throws IOException;
  }

  /** The marker file's line that records a build's number. */
  static String line(long generation) {
    return PREFIX + generation + "\n";
  }

  /** The next number for a build of {@code out}: one more than any handed out or published. */
  static long next(Path out) throws IOException {
    return locked(
        out,
        channel -> {
          long n = Math.max(read(channel), published(out)) + 1;
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(Long.toString(n).getBytes(StandardCharsets.US_ASCII)), 0);
          return n;
        });
  }

  /**
   * Runs {@code swap} if the site in {@code out} is older than build {@code generation}.
   *
   * @throws Output.Superseded if it is not
   */
  static void publish(Path out, long generation, Swap swap) throws IOException {
    locked(
        out,
        channel -> {
          long there = published(out);
          if (there > generation) {
            throw new Output.Superseded(
                "a build of "
                    + out
                    + " that started after this one has already published its site; this older"
                    + " one is not put over it");
          }
          swap.run();
          return generation;
        });
  }

  private interface Locked {
    long run(FileChannel channel) throws IOException;
  }

  private static long locked(Path out, Locked body) throws IOException {
    Path lockFile = out.resolveSibling("." + out.getFileName() + ".lock");
    PUBLISHING.lock();
    try {
      if (shuttingDown) {
        throw new IOException("shutting down; the site in " + out + " is left as it was");
      }
      try (FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        channel.lock(); // released when the channel closes
        return body.run(channel);
      }
    } finally {
      PUBLISHING.unlock();
    }
  }

  private static long read(FileChannel channel) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(32);
    channel.read(b, 0);
    return parse(new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII));
  }

  /** The number in the marker of the site in {@code out} (0 for none, or one from before them). */
  private static long published(Path out) throws IOException {
    Path marker = out.resolve(Output.MARKER);
    if (!Files.isRegularFile(marker)) {
      return 0;
    }
    for (String l : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
      if (l.startsWith(PREFIX)) {
        return parse(l.substring(PREFIX.length()));
      }
    }
    return 0;
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
