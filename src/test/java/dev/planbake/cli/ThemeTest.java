package dev.planbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theme folder as a user meets it: one file overrides one template, and mistakes say where. */
class ThemeTest {
  @TempDir Path tmp;
  private TestSite site;
  private Path templates;

  @BeforeEach
  void site() throws IOException {
    site = TestSite.of(tmp, "=== alpha.md ===\n# Alpha\n\n- [x] One\n- [ ] Two\n");
    templates = Files.createDirectories(tmp.resolve("theme").resolve("templates"));
  }

  private Cli build() {
    return Cli.run(
        "build",
        "--plans",
        site.plans().toString(),
        "--out",
        site.out().toString(),
        "--theme",
        tmp.resolve("theme").toString());
  }

  @Test
  void oneTemplateInTheThemeReplacesThatTemplateOnly() throws IOException {
    Files.writeString(
        templates.resolve("dashboard.peb"),
        "{% extends \"base\" %}\n{% block content %}\n"
            + "<p class=\"mine\">{{ d.plans }} of ours</p>\n{% endblock %}\n");
    Cli cli = build();
    assertEquals(0, cli.exit(), cli.err());
    String dashboard = Files.readString(site.out().resolve("index.html"));
    assertTrue(dashboard.contains("<p class=\"mine\">1 of ours</p>"), dashboard);
    assertTrue(dashboard.contains("class=\"site-nav\"") || dashboard.contains("<nav"), dashboard);
    String plan = Files.readString(site.out().resolve("plans/alpha/index.html"));
    assertTrue(plan.contains("role=\"progressbar\""), "the plan page is the built-in one");
  }

  @Test
  void aTemplateThatDoesNotCompileIsAnErrorAtItsFileAndLine() throws IOException {
    Path file = templates.resolve("dashboard.peb");
    Files.writeString(
        file, "{% extends \"base\" %}\n{% block content %}\n<h1>{{ site.title }</h1>\n");
    Cli cli = build();
    assertEquals(2, cli.exit());
    assertEquals(file + ":3: error: Unexpected \"}\"\n", cli.err());
    assertTrue(Files.notExists(site.out()), "no site from a failed build");
  }

  @Test
  void aTemplateThatFailsWhileRenderingIsAnErrorAtItsFileAndLine() throws IOException {
    Path file = templates.resolve("dashboard.peb");
    Files.writeString(
        file,
        "{% extends \"base\" %}\n{% block content %}\n\n<h1>{{ site.titel }}</h1>\n{% endblock %}\n");
    Cli cli = build();
    assertEquals(2, cli.exit());
    assertEquals(
        file + ":4: error: `titel` is not a field of Site; it has title, root, generator\n",
        cli.err());
  }

  @Test
  void aBuiltInTemplateThatFailsWithTheThemesMacrosSaysSo() throws IOException {
    Files.writeString(templates.resolve("macros.peb"), "{% macro bar(p) %}x{% endmacro %}\n");
    Cli cli = build();
    assertEquals(2, cli.exit());
    assertTrue(
        cli.err()
            .matches(
                "(?s)site-theme/templates/[\\w-]+\\.peb:\\d+: error: .*\\(in the built-in"
                    + " theme, used with your theme's templates: .*\\)\n"),
        cli.err());
  }
}
