package dev.planbake.model;

import java.util.ArrayList;
import java.util.List;

/** What was extracted from one stretch of a plan: a whole file, one unit section, or the rest. */
public record Content(
    List<Task> tasks,
    List<Phase> phases,
    List<Gate> gates,
    List<Risk> risks,
    List<FileChange> files,
    List<Link> urls,
    List<Reference> references) {

  public static final Content EMPTY =
      new Content(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public Content {
    tasks = List.copyOf(tasks);
    phases = List.copyOf(phases);
    gates = List.copyOf(gates);
    risks = List.copyOf(risks);
    files = List.copyOf(files);
    urls = List.copyOf(urls);
    references = List.copyOf(references);
  }

  public Progress progress() {
    return Progress.of(tasks);
  }

  public boolean isEmpty() {
    return tasks.isEmpty()
        && phases.isEmpty()
        && gates.isEmpty()
        && risks.isEmpty()
        && files.isEmpty()
        && urls.isEmpty()
        && references.isEmpty();
  }

  /** Both contents, this one first (used to merge the files of a spec-kit feature folder). */
  public Content plus(Content o) {
    return new Content(
        concat(tasks, o.tasks),
        concat(phases, o.phases),
        concat(gates, o.gates),
        concat(risks, o.risks),
        concat(files, o.files),
        concat(urls, o.urls),
        concat(references, o.references));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
