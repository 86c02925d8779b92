package dev.planbake.parse;

import dev.planbake.model.Content;
import dev.planbake.model.DeclaredStatus;
import dev.planbake.model.Document;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.SafePath;
import dev.planbake.model.Style;
import dev.planbake.scan.PlanSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder whose files make one unit (spec-kit feature folder, OpenSpec change, Kiro spec): its id
 * is the folder name, its boxes and references those of all its files, its title the first heading
 * that names it.
 */
final class FolderPlans {
  private FolderPlans() {}

  /** The words spec tools head their files with: "Change: X", "Design Document: X", "X Design". */
  private static final Pattern TEMPLATE_PREFIX =
      Pattern.compile(
          "(?i)^(?:change|proposal|design document|design|requirements document|requirements)"
              + "\\s*[:—–-]\\s*");

  private static final Pattern TEMPLATE_ONLY =
      Pattern.compile(
          "(?i)^(?:change|proposal|design document|design|requirements document|requirements"
              + "|implementation tasks|tasks)$");
  private static final Pattern DESIGN_SUFFIX = Pattern.compile("(?i)\\s+design$");

  /** An OpenSpec archive folder: the change id after the date it was archived on. */
  private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-([a-z0-9].*)");

  static Plan of(PlanSource src, List<PlanParser.Parsed> files) {
    PlanParser.Parsed primary = files.get(0);
    Meta meta = Meta.of(primary.header(), primary.doc());
    String folderName = src.folder().substring(src.folder().lastIndexOf('/') + 1);
    String title = meta.title().isEmpty() ? titleOf(files) : meta.title();
    if (title.isEmpty()) {
      // A spec-kit folder is named for people (001-user-auth); a change id is written as is.
      title = SafePath.isFeatureFolder(folderName) ? PlanParser.humanize(folderName) : folderName;
    }
    DeclaredStatus declared = DeclaredStatus.NONE;
    Content all = Content.EMPTY;
    List<Document> docs = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Set<String> aliases = new LinkedHashSet<>(meta.aliases());
    Matcher dated = DATED.matcher(folderName);
    if (dated.matches()) {
      aliases.add(dated.group(1));
    }
    for (PlanParser.Parsed f : files) {
      Meta m = f == primary ? meta : Meta.of(f.header(), f.doc());
      if (!declared.present()) {
        declared = StatusReader.declared(m, f.doc(), f.legend(), f.source(), l -> true, 0);
      }
      aliases.addAll(m.aliases());
      all = all.plus(f.doc().content()).plus(PlanParser.frontMatterRefs(src.root(), f.source(), m));
      docs.add(f.doc().document());
      sources.add(f.source());
    }
    String localId = meta.unit().isEmpty() ? folderName : meta.unit();
    PlanUnit unit = new PlanUnit(localId, title, 1, "", declared, List.copyOf(aliases), all);
    return new Plan(
        Slugs.of(folderName),
        src.root(),
        primary.source(),
        sources,
        Style.SPECKIT,
        title,
        meta.metadata(),
        docs,
        List.of(unit),
        Content.EMPTY,
        false);
  }

  /**
   * The first H1 of a file other than tasks.md that says more than its template word: "Change: Add
   * Field Sets" is "Add Field Sets", "Requirements Document" alone says nothing.
   */
  private static String titleOf(List<PlanParser.Parsed> files) {
    for (PlanParser.Parsed f : files) {
      if (f.source().endsWith("/tasks.md")) {
        continue;
      }
      String h1 = PlanParser.cleanTitle(PlanParser.H1_ALIAS.matcher(f.doc().h1()).replaceFirst(""));
      h1 = TEMPLATE_PREFIX.matcher(h1).replaceFirst("");
      if (f.source().endsWith("/design.md")) {
        h1 = DESIGN_SUFFIX.matcher(h1).replaceFirst("");
      }
      if (!h1.isEmpty() && !TEMPLATE_ONLY.matcher(h1).matches()) {
        return h1;
      }
    }
    return "";
  }
}
