package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobsTest {
  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  @Test
  void resultsComeInTheJobsOrder() {
    List<Jobs.Job<Integer>> jobs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int n = i;
      jobs.add(() -> n * n);
    }
    List<Integer> squares = Jobs.run(workers, jobs);
    for (int i = 0; i < 100; i++) {
      assertEquals(i * i, squares.get(i));
    }
  }

  @Test
  void theFailureOfTheFirstFailingJobIsThrownWhicheverFailedFirst() {
    // Job 0 fails after job 1 has (on a machine with one core, job 1 never starts): the error is
    // job 0's either way, as a broken template's message must be the same on every run.
    List<Jobs.Job<Integer>> jobs =
        List.of(
            () -> {
              java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
              throw new IllegalStateException("job 0");
            },
            () -> {
              throw new IllegalStateException("job 1");
            },
            () -> 2);
    for (int run = 0; run < 3; run++) {
      assertEquals(
          "job 0",
          assertThrows(IllegalStateException.class, () -> Jobs.run(workers, jobs)).getMessage());
    }
  }
}
