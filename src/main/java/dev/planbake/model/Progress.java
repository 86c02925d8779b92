package dev.planbake.model;

/** Ticked boxes out of all boxes. */
public record Progress(int done, int total) {
  public static final Progress EMPTY = new Progress(0, 0);

  public Progress {
    if (done < 0 || total < 0 || done > total) {
      throw new IllegalArgumentException("progress " + done + "/" + total);
    }
  }

  public Progress plus(Progress other) {
    return new Progress(done + other.done, total + other.total);
  }

  /** Whole percent, rounded down so that 99.6% never shows as 100% before the last box. */
  public int percent() {
    return total == 0 ? 0 : (int) (100L * done / total);
  }

  public static Progress of(Iterable<Task> tasks) {
    int d = 0;
    int t = 0;
    for (Task task : tasks) {
      t++;
      if (task.done()) {
        d++;
      }
    }
    return new Progress(d, t);
  }
}
