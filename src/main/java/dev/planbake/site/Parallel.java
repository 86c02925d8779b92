package dev.planbake.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a function over a list on all cores, keeping the order. Worker threads get large stacks:
 * Markdown trees are walked recursively by the renderer, and plans can nest deeply.
 */
final class Parallel {
  private static final long STACK_BYTES = 64L * 1024 * 1024;
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final ExecutorService POOL = pool();

  private Parallel() {}

  private static ExecutorService pool() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(null, r, "planbake-" + n.incrementAndGet(), STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The pool's threads, for other stages that spread work over the cores. */
  static java.util.concurrent.Executor workers() {
    return POOL;
  }

  static <T, R> List<R> map(List<T> items, Function<T, R> f) {
    int chunks = Math.min(items.size(), THREADS * 4);
    if (chunks <= 1) {
      return items.stream().map(f).toList();
    }
    List<Future<List<R>>> futures = new ArrayList<>();
    int size = (items.size() + chunks - 1) / chunks;
    for (int from = 0; from < items.size(); from += size) {
      List<T> slice = items.subList(from, Math.min(items.size(), from + size));
      futures.add(POOL.submit(() -> slice.stream().map(f).toList()));
    }
    List<R> out = new ArrayList<>(items.size());
    for (Future<List<R>> fu : futures) {
      try {
        out.addAll(fu.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
    }
    return out;
  }
}
