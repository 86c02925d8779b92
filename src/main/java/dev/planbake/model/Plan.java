package dev.planbake.model;

import dev.planbake.diag.Position;
import java.nio.file.Path;
import java.util.List;

/**
 * One page of the site: a Markdown file, or a spec-kit feature folder read as one plan. It holds
 * one unit, or several for a file whose headings start several {@code Unit X.Y:} sections, plus
 * what lies outside every unit section ({@code rest}).
 *
 * @param root the plans folder it was found in
 * @param source the primary file, relative to {@code root} with {@code /}
 * @param files every file read for it, relative to {@code root}
 */
public record Plan(
    String slug,
    Path root,
    String source,
    List<String> files,
    Style style,
    String title,
    Metadata metadata,
    List<Document> documents,
    List<PlanUnit> units,
    Content rest,
    boolean multiUnit) {

  public Plan {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
    units = List.copyOf(units);
  }

  /** Every box of the plan: its units' and the rest. */
  public Progress progress() {
    Progress p = rest.progress();
    for (PlanUnit u : units) {
      p = p.plus(u.content().progress());
    }
    return p;
  }

  public Position at(String file, int line) {
    return Position.of(root.resolve(file), file, line);
  }

  public Position at(int line) {
    return at(source, line);
  }
}
