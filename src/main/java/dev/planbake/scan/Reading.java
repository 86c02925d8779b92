package dev.planbake.scan;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.IoReason;
import dev.planbake.diag.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads the files a walk finds while it goes on: helpers on the common pool take them as they are
 * found, and the walking thread joins in once the walk is over. The walk lists directories and
 * stats every entry on one thread; reading and decoding are most of a scan's work.
 */
final class Reading {
  private record Found(String source, Path file, BasicFileAttributes attrs) {}

  /** Put behind the last file found, once for each reader: that reader stops there. */
  private static final Found END = new Found(null, null, null);

  private final BlockingQueue<Found> queue = new LinkedBlockingQueue<>();
  private final Map<String, Read> done = new ConcurrentHashMap<>();
  private final List<ForkJoinTask<?>> helpers = new ArrayList<>();

  private final Scanner.Cache cache;
  private final long maxBytes;

  Reading(Scanner.Cache cache, long maxBytes) {
    this.cache = cache;
    this.maxBytes = maxBytes;
    for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
      helpers.add(ForkJoinPool.commonPool().submit(this::drain));
    }
  }

  /**
   * A file found, at the path the walk reached it by: taken from the cache at once if unchanged,
   * else queued for a reader.
   */
  void add(String source, Path file, BasicFileAttributes attrs) {
    Read hit = cached(file, attrs);
    if (hit != null) {
      done.put(source, hit);
    } else {
      queue.add(new Found(source, file, attrs));
    }
  }

  /** Every file found, as read, once the walk is over. */
  Map<String, Read> finish() {
    for (int i = 0; i <= helpers.size(); i++) {
      queue.add(END);
    }
    drain();
    helpers.forEach(ForkJoinTask::join);
    return done;
  }

  private void drain() {
    try {
      for (Found f = queue.take(); f != END; f = queue.take()) {
        done.put(f.source(), read(cache, maxBytes, f.file(), f.source(), f.attrs()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the plans", e);
    }
  }

  /**
   * Reads one file at the path the walk found it by (never a path rebuilt from its name), whose
   * attributes the walk gave (links followed); safe to call from several threads at once.
   */
  static Read read(
      Scanner.Cache cache, long maxBytes, Path file, String source, BasicFileAttributes attrs) {
    Position at = Position.of(file, source, 1);
    try {
      // Files unchanged since the last scan never get here: Reading.add took them from the cache.
      long size = attrs.size();
      if (size > maxBytes) {
        return new Read(
            null,
            Diagnostic.error(
                    at.atLine(0),
                    String.format(
                        Locale.ROOT,
                        "file is %,d bytes, above the limit of %,d; skipped",
                        size,
                        maxBytes))
                .withHint("raise max_file_size in planbake.yml if this is intended"));
      }
      byte[] bytes = Files.readAllBytes(file);
      Read read = Utf8.decode(bytes, source, at);
      if (cache != null && bytes.length == size) {
        cache.put(
            file,
            new Scanner.Cache.Entry(size, attrs.lastModifiedTime(), read.file(), read.problem()));
      }
      return read;
    } catch (IOException e) {
      return new Read(null, Diagnostic.error(at.atLine(0), "cannot read: " + IoReason.of(e)));
    }
  }

  /**
   * The file as an earlier scan read it, if its size and modification time are unchanged (and then
   * kept for the next scan), else null. Unchanged files are most of what {@code serve} scans: found
   * on the walking thread, with no hand-over to a reader.
   */
  private Read cached(Path file, BasicFileAttributes attrs) {
    if (cache == null) {
      return null;
    }
    Scanner.Cache.Entry hit = cache.get(file, attrs.size(), attrs.lastModifiedTime());
    if (hit == null) {
      return null;
    }
    cache.put(file, hit);
    return new Read(hit.file(), hit.warning());
  }
}
