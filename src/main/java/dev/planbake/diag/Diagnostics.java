package dev.planbake.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one run from any thread. The list is capped so that a pathological
 * repository cannot flood the terminal; the number dropped is still counted. Errors and warnings
 * have a cap each, so that no number of warnings can crowd out an error: a plan with 1,200 warnings
 * never hides the one error that fails the run.
 */
public final class Diagnostics {
  public static final int DEFAULT_CAP = 1000;

  private final int cap;
  private final List<Diagnostic> items = new ArrayList<>();
  private int errors;
  private int warnings;
  private int keptErrors;

  public Diagnostics() {
    this(DEFAULT_CAP);
  }

  public Diagnostics(int cap) {
    this.cap = cap;
  }

  public synchronized void add(Diagnostic d) {
    if (d.isError()) {
      errors++;
      if (keptErrors < cap) {
        keptErrors++;
        items.add(d);
      }
    } else {
      warnings++;
      if (items.size() - keptErrors < cap) {
        items.add(d);
      }
    }
  }

  /**
   * Counts problems another collector found but did not keep (its {@code dropped} share), so that a
   * run made of several collections still says how many errors there were.
   */
  public synchronized void addDropped(int droppedErrors, int droppedWarnings) {
    errors += droppedErrors;
    warnings += droppedWarnings;
  }

  public void addAll(List<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  public synchronized int errors() {
    return errors;
  }

  public synchronized int warnings() {
    return warnings;
  }

  /** Number of problems that were counted but not kept because of the cap. */
  public synchronized int dropped() {
    return errors + warnings - items.size();
  }

  /** The kept problems in the order they were added. */
  public synchronized List<Diagnostic> inOrder() {
    return List.copyOf(items);
  }

  /** The kept problems, sorted by file, line and message so output is stable. */
  public synchronized List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.ORDER);
    return List.copyOf(copy);
  }
}
