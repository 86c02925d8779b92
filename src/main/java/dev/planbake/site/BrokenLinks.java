package dev.planbake.site;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import dev.planbake.model.Plan;
import dev.planbake.model.Repository;
import dev.planbake.render.LinkCheck;
import dev.planbake.render.Page;
import dev.planbake.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Broken links of a site rendered in memory, as problems: at the plan's file and line where the
 * link was written when it comes from a plan, else at the page (a theme or planbake bug).
 */
final class BrokenLinks {
  private BrokenLinks() {}

  static List<Diagnostic> broken(Repository repo, Map<String, Page> pages) {
    Map<String, Plan> planOfPage = new HashMap<>();
    for (Plan p : repo.plans()) {
      planOfPage.put(Renderer.planPage(p), p);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (LinkCheck.Broken b : LinkCheck.of(pages).brokenInHtml(new ArrayList<>(pages.keySet()))) {
      Plan plan = planOfPage.get(b.page());
      Position at = plan == null ? null : where(plan, b);
      if (at == null) {
        at = Position.of(Path.of(b.page()), b.page(), 0);
      }
      out.add(
          Diagnostic.error(
                  at, "broken link to `" + b.url() + "` on " + b.page() + ": " + b.problem())
              .withHint(
                  b.fragment().isEmpty()
                      ? "link to a plan file or a page of the site"
                      : "link to a heading of the plan: its id is shown in the table of contents"));
    }
    return out;
  }

  /**
   * The first line of the plan's files that mentions the link's anchor or last path part; null if
   * none does (the link is the theme's, not the plan's).
   */
  private static Position where(Plan plan, LinkCheck.Broken b) {
    String needle = !b.fragment().isEmpty() ? "#" + b.fragment() : lastPart(b.url());
    for (String f : plan.files()) {
      try {
        String[] lines =
            Files.readString(plan.root().resolve(f), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (!needle.isEmpty() && lines[i].contains(needle)) {
            return plan.at(f, i + 1);
          }
        }
      } catch (IOException | RuntimeException e) {
        // The file changed or went away since the build: name the plan without a line.
      }
    }
    return null;
  }

  private static String lastPart(String url) {
    String s = url.replaceFirst("[#?].*$", "").replaceFirst("/+$", "");
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
