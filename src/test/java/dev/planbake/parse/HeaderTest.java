package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.config.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTest {

  @Test
  void yamlFrontMatterKeepsFileLineNumbers() {
    Header h =
        Header.split(
            """
            ---
            title: Session store
            depends_on:
              - Unit 1.1
              - "#48"
            ---
            # Unit 2.1: Session store
            """);
    assertAll(
        () -> assertEquals("", h.problem()),
        () ->
            assertEquals(
                List.of(
                    new Yaml.Entry("title", 2, "Session store", List.of(), false),
                    new Yaml.Entry("depends_on", 3, "", List.of("Unit 1.1", "#48"), true)),
                h.entries()),
        () -> assertEquals("\n".repeat(6) + "# Unit 2.1: Session store\n", h.body()));
  }

  @Test
  void jbakeHeaderEndsAtTheTildes() {
    Header h =
        Header.split(
            """
            title=Rate limiter
            status=draft
            ~~~~~~
            # Rate limiter
            """);
    assertAll(
        () -> assertEquals("", h.problem()),
        () ->
            assertEquals(
                List.of(
                    new Yaml.Entry("title", 1, "Rate limiter", List.of(), false),
                    new Yaml.Entry("status", 2, "draft", List.of(), false)),
                h.entries()),
        () -> assertEquals("\n\n\n# Rate limiter\n", h.body()));
  }

  @Test
  void brokenYamlIsAProblemAtItsFileLine() {
    String text =
        """
        ---
        title: Plan
        status: done: really
        ---
        # Plan
        """;
    Header h = Header.split(text);
    assertAll(
        () ->
            assertEquals(
                "front matter is not valid YAML: mapping values are not allowed here", h.problem()),
        () -> assertEquals(3, h.problemLine()),
        () -> assertEquals(List.of(), h.entries()),
        () -> assertEquals("\n\n\n\n# Plan\n", h.body()));
  }

  @Test
  void aDashLineWithoutAnEndIsMarkdownNotFrontMatter() {
    String text = "---\n# Plan\n\n- [ ] one\n";
    Header h = Header.split(text);
    assertAll(
        () -> assertEquals(List.of(), h.entries()),
        () -> assertEquals(text, h.body()),
        () -> assertEquals("", h.problem()));
  }

  @Test
  void keyValueTextWithoutTildesIsNoHeader() {
    String text = "a=b is how we set it\n\n# Plan\n";
    Header h = Header.split(text);
    assertAll(() -> assertEquals(List.of(), h.entries()), () -> assertEquals(text, h.body()));
  }

  @Test
  void noHeaderLeavesTheTextAlone() {
    String text = "# Plan\n\n**Status**: Draft\n";
    assertEquals(new Header(List.of(), text, "", 0), Header.split(text));
  }
}
