package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.StatusFile;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help text, version, messages and exit codes. */
class CliTest {
  private static final Path EXPECTED = Path.of("src", "test", "resources", "cli");

  /** A depends-on reference to a unit that does not exist: one error. */
  private static final String WITH_ERROR =
      """
      === alpha.md ===
      # Unit 1.0: Alpha

      - [x] Write the parser
      - [ ] Write the printer

      ## Integration Points

      Upstream Dependencies:
      - Requires the importer (Unit 9.9)
      """;

  /** A plan declared done with a box still open: one warning, no error. */
  private static final String WITH_WARNING =
      """
      === beta.md ===
      ---
      status: done
      ---
      # Beta

      - [ ] Ship it
      """;

  private static String ansi;

  @BeforeAll
  static void plainOutput() {
    // Help text is compared byte for byte: no colours, whatever the environment asks for.
    ansi = System.setProperty("picocli.ansi", "false");
  }

  @AfterAll
  static void restore() {
    if (ansi == null) {
      System.clearProperty("picocli.ansi");
    } else {
      System.setProperty("picocli.ansi", ansi);
    }
  }

  @Test
  void helpListsTheCommands() throws IOException {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.exit());
    assertEquals(expected("help.txt"), cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void noCommandPrintsTheHelp() throws IOException {
    Cli cli = Cli.run();
    assertEquals(0, cli.exit());
    assertEquals(expected("help.txt"), cli.out());
  }

  @Test
  void buildHelpListsItsOptions() throws IOException {
    Cli cli = Cli.run("build", "--help");
    assertEquals(0, cli.exit());
    assertEquals(expected("build-help.txt"), cli.out());
  }

  @Test
  void checkHelpListsItsOptions() throws IOException {
    Cli cli = Cli.run("check", "--help");
    assertEquals(0, cli.exit());
    assertEquals(expected("check-help.txt"), cli.out());
  }

  @Test
  void versionPrintsNameAndVersion() {
    Cli cli = Cli.run("--version");
    assertEquals(0, cli.exit());
    assertEquals("planbake 0.1.0\n", cli.out());
  }

  @Test
  void anUnknownOptionIsAUsageError() throws IOException {
    Cli cli = Cli.run("--bogus");
    assertEquals(2, cli.exit());
    assertEquals("Unknown option: '--bogus'\n" + expected("help.txt"), cli.err());
  }

  @Test
  void aMissingPlansFolderIsAnIoFailure(@TempDir Path tmp) {
    Path missing = tmp.resolve("nope");
    Cli check = Cli.run("check", "--plans", missing.toString());
    Cli build =
        Cli.run("build", "--plans", missing.toString(), "--out", tmp.resolve("out").toString());
    assertAll(
        () -> assertEquals(2, check.exit()),
        () -> assertEquals("planbake: plans folder not found: " + missing + "\n", check.err()),
        () -> assertEquals(2, build.exit()),
        () -> assertEquals("planbake: plans folder not found: " + missing + "\n", build.err()),
        () -> assertTrue(Files.notExists(tmp.resolve("out")), "no output for a failed build"));
  }

  @Test
  void checkWithAnErrorExitsOneAndPrintsFileAndLine(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_ERROR);
    Cli cli = Cli.run("check", "--plans", site.plans().toString());
    assertEquals(1, cli.exit());
    assertEquals(
        site.file("alpha.md")
            + ":9: error: dangling reference: Unit 9.9 does not exist (nearest: Unit 1.0)\n",
        cli.err());
    assertLinesMatch(
        List.of("1 plan, 1 unit, 2 tasks \\(1 done\\), 1 error, 0 warnings in \\d+\\.\\d\\d s"),
        cli.out().lines().toList());
  }

  @Test
  void checkWithOnlyWarningsExitsZeroUnlessStrict(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Cli lenient = Cli.run("check", "--plans", site.plans().toString());
    Cli strict = Cli.run("check", "--strict", "--plans", site.plans().toString());
    String warning =
        site.file("beta.md")
            + ":2: warning: beta is declared done (front matter) but 1 of 1 task is unticked"
            + " (tick the finished boxes or change the status)\n";
    assertAll(
        () -> assertEquals(0, lenient.exit()),
        () -> assertEquals(warning, lenient.err()),
        () -> assertEquals(1, strict.exit()),
        () -> assertEquals(warning, strict.err()));
  }

  @Test
  void aSiteOfOnePlanWithOneTaskSaysSoInTheSingular(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Cli cli = Cli.run("build", "--plans", site.plans().toString(), "--out", site.out().toString());
    assertEquals(0, cli.exit(), cli.err());
    assertLinesMatch(
        List.of("1 plan, 1 unit, 1 task \\(0 done\\), \\d+ pages, 0 errors, 1 warning in .*"),
        cli.out().lines().toList());
    String dashboard = Files.readString(site.out().resolve("index.html"));
    assertTrue(
        dashboard.contains(
            "<p class=\"lede headline\"><strong>1 of 1</strong> plan done · <strong>1 of 1</strong>"
                + " unit done · <strong>0%</strong> of tasks ticked <span class=\"muted\">(0 of"
                + " 1)</span></p>"),
        dashboard);
  }

  @Test
  void buildFailsOnErrorsOnlyWhenStrict(@TempDir Path tmp) {
    TestSite errors = TestSite.of(tmp.resolve("errors"), WITH_ERROR);
    TestSite warnings = TestSite.of(tmp.resolve("warnings"), WITH_WARNING);
    assertAll(
        () -> assertEquals(0, build(errors)),
        () -> assertEquals(1, build(errors, "--strict")),
        () -> assertEquals(0, build(warnings, "--strict")),
        () -> assertEquals(0, build(warnings)),
        () -> assertTrue(Files.isRegularFile(errors.out().resolve("status.json"))));
  }

  @Test
  void githubFormatPrintsActionsAnnotations(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_ERROR);
    Cli cli = Cli.run("check", "--format", "github", "--plans", site.plans().toString());
    assertEquals(1, cli.exit());
    assertEquals(
        "::error file="
            + site.file("alpha.md")
            + ",line=9::dangling reference: Unit 9.9 does not exist (nearest: Unit 1.0)\n",
        cli.out());
  }

  @Test
  void jsonFormatPrintsTheDiagnostics(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_ERROR);
    Cli cli = Cli.run("check", "--format", "json", "--plans", site.plans().toString());
    assertEquals(1, cli.exit());
    assertEquals(
        List.of(
            new StatusFile.Problem(
                "error", "alpha.md", 9, "dangling reference: Unit 9.9 does not exist")),
        StatusFile.problems(cli.out()));
  }

  @Test
  void anUnknownConfigKeyIsAUsageErrorWithASuggestion(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Path config = tmp.resolve("planbake.yml");
    Files.writeString(config, "# site settings\ntitel: Roadmap\nplans: plans\n");
    for (String command : List.of("check", "build", "serve")) {
      Cli cli = Cli.run(command, "--config", config.toString(), "--plans", site.plans().toString());
      assertEquals(2, cli.exit(), command);
      assertEquals(
          config + ":2: error: unknown key `titel` (did you mean `title`?)\n", cli.err(), command);
    }
  }

  @Test
  void aConfigFileThatCannotBeReadIsAUsageErrorOfOneLine(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Path missing = tmp.resolve("nowhere.yml");
    for (String command : List.of("check", "build", "serve")) {
      Cli cli =
          Cli.run(command, "--config", missing.toString(), "--plans", site.plans().toString());
      assertEquals(2, cli.exit(), command);
      assertEquals("planbake: " + missing + ": no such file or folder\n", cli.err(), command);
    }
  }

  @Test
  void aPlanFileGivenAsThePlansFolderIsAUsageError(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Path file = site.file("beta.md");
    Cli cli = Cli.run("check", "--plans", file.toString());
    assertEquals(2, cli.exit());
    assertEquals(
        "planbake: the plans folder is a file: "
            + file
            + " (name the folder that holds the plans)\n",
        cli.err());
  }

  @Test
  void problemsAcrossTwoPlansFoldersNameTheOtherFileAsItIsFoundFromHere(@TempDir Path tmp) {
    TestSite a = TestSite.of(tmp.resolve("team-a"), "=== plan.md ===\n# Unit 1.0: Alpha\n");
    TestSite b =
        TestSite.of(
            tmp.resolve("team-b"),
            "=== plan.md ===\n# Unit 1.0: Beta\n"
                + "=== c.md ===\n# Unit 3.0: C\n\nDepends on: Unit 4.0\n"
                + "=== d.md ===\n# Unit 4.0: D\n\nDepends on: Unit 3.0\n");
    Cli cli = Cli.run("check", "--plans", a.plans().toString(), "--plans", b.plans().toString());
    assertEquals(
        List.of(
            a.file("plan.md")
                + ":1: error: duplicate unit id 1.0 (also "
                + b.file("plan.md")
                + ":1)",
            b.file("c.md")
                + ":3: error: dependency cycle: 3.0 -> 4.0 -> 3.0 (edges at "
                + b.file("c.md")
                + ":3, "
                + b.file("d.md")
                + ":3) (remove one of these dependencies)",
            b.file("plan.md")
                + ":1: error: duplicate unit id 1.0 (also "
                + a.file("plan.md")
                + ":1) (renumber one of them; this one is shown as plan-2#1.0)"),
        cli.err().lines().toList());
  }

  @Test
  void aBaseUrlThatIsNotAnAbsoluteAddressIsAUsageError(@TempDir Path tmp) {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Cli cli =
        Cli.run(
            "build",
            "--plans",
            site.plans().toString(),
            "--out",
            site.out().toString(),
            "--base-url",
            "plans.example.com");
    assertEquals(2, cli.exit());
    assertEquals(
        "Invalid value for option '--base-url': 'plans.example.com' is not an absolute http(s)"
            + " address such as https://plans.example.com/",
        cli.err().lines().findFirst().orElse(""));
    assertTrue(Files.notExists(site.out()));
  }

  @Test
  void anOutputThatCannotBeWrittenSaysWhereAndWhy(@TempDir Path tmp) throws IOException {
    TestSite site = TestSite.of(tmp, WITH_WARNING);
    Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder\n");
    Path out = file.resolve("site");
    Cli cli = Cli.run("build", "--plans", site.plans().toString(), "--out", out.toString());
    assertEquals(2, cli.exit());
    assertEquals(
        "planbake: cannot write the site to "
            + out
            + " ("
            + file
            + ": a file is in the way of a folder)\n",
        cli.err());
  }

  private static int build(TestSite site, String... flags) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("build", "--plans", site.plans().toString(), "--out", site.out().toString()));
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new)).exit();
  }

  private static String expected(String name) throws IOException {
    return Files.readString(EXPECTED.resolve(name)).replace("\r\n", "\n");
  }
}
