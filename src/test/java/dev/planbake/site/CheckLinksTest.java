package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --links}: broken links and anchors of the built site, missing repository files. */
class CheckLinksTest {
  private static final String PLANS =
      """
      === a.md ===
      # Unit 1.0: A

      See [the goal](#goal), [nothing](#nope) and [B's risks](b.md#risks).

      ## Goal

      - [ ] Write `src/exists.txt` and `lib/missing.py`

      ## Files to Create/Update

      - `src/exists.txt` (update)
      - `src/gone.txt` (create)

      ```
      `in/a/fence.txt` is code, not a claim
      ```
      === b.md ===
      # Unit 2.0: B

      Back to [A](a.md#goal) and [A's nowhere](a.md#nowhere).

      ## Risks

      - none
      """;

  @Test
  void brokenAnchorsAreReportedAtThePlanLine(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, PLANS);
    Cli cli = Cli.run("check", "--links", "--plans", site.plans().toString());
    List<String> planLines =
        cli.err().lines().filter(l -> l.contains(site.plans().toString())).toList();
    // The graph page is another issue's; until it lands the navigation links to it.
    List<String> others =
        cli.err().lines().filter(l -> !l.contains(site.plans().toString())).toList();
    assertAll(
        () -> assertEquals(1, cli.exit(), cli.err()),
        () ->
            assertEquals(
                List.of(
                    site.file("a.md")
                        + ":3: error: broken link to `#nope` on plans/a/index.html: no element"
                        + " with id `nope` (link to a heading of the plan: its id is shown in the"
                        + " table of contents)",
                    site.file("b.md")
                        + ":3: error: broken link to `../../plans/a/#nowhere` on plans/b/index.html: no"
                        + " element with id `nowhere` (link to a heading of the plan: its id is"
                        + " shown in the table of contents)"),
                planLines),
        () ->
            assertTrue(
                others.stream().allMatch(l -> l.startsWith("plans/") || l.contains("graph/")),
                String.join("\n", others)),
        () -> assertFalse(cli.err().contains("#goal"), cli.err()),
        () -> assertFalse(cli.err().contains("#risks"), cli.err()));
  }

  @Test
  void withoutLinksCheckDoesNotRender(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, PLANS);
    Cli cli = Cli.run("check", "--plans", site.plans().toString());
    assertAll(
        () -> assertEquals(0, cli.exit(), cli.err()),
        () -> assertFalse(cli.err().contains("broken link"), cli.err()));
  }

  @Test
  void repoRootReportsPathsThatDoNotExist(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, PLANS);
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/exists.txt"), "x");
    Site.Result r = Site.checkLinks(site.settings(), false, repo);
    assertEquals(
        List.of(
            "a.md:7: warning: `lib/missing.py` does not exist in "
                + repo
                + " (correct the path, or drop the backticks if it is not a file)",
            "a.md:12: warning: `src/gone.txt` does not exist in "
                + repo
                + " (correct the path, or update the plan if the file moved)"),
        TestSite.lines(r));
  }

  @Test
  void repoRootReportsLinksToFilesThatDoNotExist(@TempDir Path tmp) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/design.md"), "# Design\n");
    Files.writeString(repo.resolve("docs/diagram.png"), "png");
    TestSite site =
        TestSite.of(
            repo,
            """
            === a.md ===
            # Unit 1.0: A

            Read [the design](../docs/design.md#goals), [from the root](docs/design.md),
            [rooted](/docs/design.md), [B](b.md), [the web](https://example.org/x.md),
            [mail](mailto:a@example.org), [here](#a) and ![the diagram](../docs/diagram.png "D").

            Not found: [old notes](../docs/notes.md), ![gone](img/gone.png) and
            [a%20space](../docs/my%20file.md), but not `[code](nope.md)` or
            [outside](../../../../etc/passwd).

            [ref]: ../docs/removed.md

            ```
            [fenced](nope.md)
            ```

            - [ ] Done
            === b.md ===
            # Unit 2.0: B
            """);
    Site.Result r = Site.checkLinks(site.settings(), false, repo);
    String why = "` leads to no file in " + repo;
    String hint = " (correct the link, or update the plan if the file moved)";
    assertEquals(
        List.of(
            "a.md:7: warning: link to `../docs/notes.md" + why + hint,
            "a.md:7: warning: link to `img/gone.png" + why + hint,
            "a.md:8: warning: link to `../docs/my%20file.md" + why + hint,
            "a.md:11: warning: link to `../docs/removed.md" + why + hint),
        TestSite.lines(r));
  }

  @Test
  void aMissingRepoRootIsAnIoFailure(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, PLANS);
    Path nope = tmp.resolve("nope");
    Cli cli = Cli.run("check", "--plans", site.plans().toString(), "--repo-root", nope.toString());
    assertAll(
        () -> assertEquals(2, cli.exit()),
        () -> assertEquals("planbake: repository root not found: " + nope + "\n", cli.err()));
  }

  @Test
  void theDemoSiteHasNoBrokenPlanLinks() throws IOException {
    Site.Result r =
        Site.checkLinks(
            dev.planbake.config.Settings.defaults().withPlans(List.of(Path.of("content/plans"))),
            true,
            null);
    List<String> broken =
        r.diagnostics().stream()
            .filter(d -> d.message().startsWith("broken link"))
            // The graph page is another issue's; until it lands the nav links to it.
            .filter(d -> !d.message().contains("graph/"))
            .map(TestSite::line)
            .toList();
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }
}
