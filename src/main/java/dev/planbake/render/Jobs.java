package dev.planbake.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the jobs of one rendering on all cores, the calling thread included. Each thread takes the
 * next job in the given order, so a list with its longest jobs first (graph layouts) ends evenly;
 * no thread waits on another's work until the list is empty.
 */
final class Jobs {
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** One piece of work that produces a result. */
  interface Job<T> {
    T run() throws IOException;
  }

  private Jobs() {}

  /**
   * Runs every job and returns the results in the jobs' order. After a failure no further job
   * starts; once the running ones have ended, the failure of the first job in the list that failed
   * is thrown, so that a broken template reports the same page's problem on every run.
   *
   * @param workers runs the helpers beside the calling thread (with large stacks: Markdown trees of
   *     deeply nested plans are walked recursively)
   * @throws UncheckedIOException if a job failed to write
   */
  static <T> List<T> run(Executor workers, List<? extends Job<? extends T>> jobs) {
    Object[] results = new Object[jobs.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger failed = new AtomicInteger(Integer.MAX_VALUE);
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement();
              i < jobs.size() && failure.get() == null;
              i = next.getAndIncrement()) {
            try {
              results[i] = jobs.get(i).run();
            } catch (IOException | RuntimeException | Error e) {
              synchronized (failed) {
                if (i < failed.get()) {
                  failed.set(i);
                  failure.set(e);
                }
              }
            }
          }
        };
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    int extra = Math.min(THREADS, jobs.size()) - 1;
    for (int h = 0; h < extra; h++) {
      helpers.add(CompletableFuture.runAsync(worker, workers));
    }
    worker.run();
    for (CompletableFuture<Void> f : helpers) {
      try {
        f.join();
      } catch (CompletionException e) {
        failure.compareAndSet(null, e.getCause());
      }
    }
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }
}
