package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Depends on: #48 | DEPENDS_ON | #48",
        "**Depends on**: Phase 1, Phase 2 | DEPENDS_ON | Phase 1, Phase 2",
        "Blocked by: Unit 2.0 | DEPENDS_ON | Unit 2.0",
        "- Requires: Unit 1.1 | DEPENDS_ON | Unit 1.1",
        "> Prerequisites: [auth](auth.md) | DEPENDS_ON | [auth](auth.md)",
        "Must Complete First: Unit 0.1 | DEPENDS_ON | Unit 0.1",
        "Future: Email notification system (planned Unit 3.2) | ENABLES"
            + " | Email notification system (planned Unit 3.2)",
        "Blocks: Unit 4.0 | ENABLES | Unit 4.0",
        "Enables: Unit 4.1 | ENABLES | Unit 4.1",
        "Related: #47 | RELATED | #47",
        "**Parent**: #47 | RELATED | #47",
      })
  void aLabelGivesTheDirection(String line, Direction direction, String rest) {
    Labels.Label label = Labels.label(line, true);
    assertEquals(direction, label.direction());
    assertEquals(rest, label.rest());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Upstream Dependencies: | DEPENDS_ON",
        "Downstream Dependencies: | ENABLES",
        "Related Work: | RELATED",
        "**Must Complete First**: | DEPENDS_ON",
      })
  void aLabelAloneSetsTheDirectionOfWhatFollows(String line, Direction direction) {
    Labels.Label label = Labels.label(line, false);
    assertEquals(direction, label.direction());
    assertTrue(label.alone());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Requirements: a fast parser",
        "Depends on the weather",
        "Futures and promises: see below",
        "The plan requires: nothing",
      })
  void otherLinesAreNoLabel(String line) {
    assertNull(Labels.label(line, true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Integration Points | RELATED",
        "Dependencies | DEPENDS_ON",
        "5.2 Critical Path | DEPENDS_ON",
        "Prerequisites | DEPENDS_ON",
        "Downstream Dependencies | ENABLES",
        "Related Work | RELATED",
        "References | RELATED",
      })
  void headingsThatOpenADependencySection(String heading, Direction direction) {
    assertEquals(direction, Labels.sectionDirection(heading));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Purpose",
        "Definition of Done",
        "Phase 1: Setup",
        "Risks",
        "File Dependencies",
        "Shared Code Dependencies",
        "External Dependencies",
        "Technical Dependencies",
        "Install Dependencies"
      })
  void otherHeadingsOpenNone(String heading) {
    assertNull(Labels.sectionDirection(heading));
  }

  @Test
  void unitsAndNamesTwo() {
    assertEquals(
        List.of(unit("1.1"), unit("1.2")),
        RefText.targets("Requires the session schema (Units 1.1 and 1.2)", false));
  }

  @Test
  void aListOfUnitsNamesEach() {
    assertEquals(
        List.of(unit("1.1"), unit("1.2"), unit("2.0"), unit("3.2.1")),
        RefText.targets("Units 1.1, 1.2 and Unit 2.0; also Unit 3.2.1", false));
  }

  @Test
  void aMarkdownLinkToAPlanIsAPath() {
    assertEquals(
        List.of(new Target(Kind.PATH, "../technical/rate-limiter.md")),
        RefText.targets("Requires [Rate limiter](../technical/rate-limiter.md)", false));
  }

  @Test
  void externalLinksAndAnchorsAreNoTargets() {
    assertEquals(
        List.of(),
        RefText.targets(
            "[docs](https://example.com/plan.md), [above](#phase-1), [mail](mailto:a@b.c)", false));
  }

  @Test
  void aBacktickedPlanPathIsAPath() {
    assertEquals(
        List.of(new Target(Kind.PATH, "thoughts/shared/plans/2026-02-09-x.md")),
        RefText.targets("See `thoughts/shared/plans/2026-02-09-x.md` first", false));
  }

  @Test
  void anIssueNumberIsAnAlias() {
    assertAll(
        () -> assertEquals(List.of(new Target(Kind.ALIAS, "#48")), RefText.targets("#48", false)),
        () -> assertEquals(List.of(), RefText.targets("&#48; and #48.1 and a#48", false)));
  }

  @Test
  void aFileScopedIdIsQualified() {
    assertEquals(
        List.of(new Target(Kind.QUALIFIED, "auth-units#1.1")),
        RefText.targets("Requires auth-units#1.1", false));
  }

  @Test
  void libraryNamesGiveNothing() {
    assertEquals(
        List.of(), RefText.targets("react-router, pydantic 2.x, lodash@4.17 and zod", true));
  }

  @Test
  void guessesAreOnlyNamesAndOnlyWhenAsked() {
    String text = "Builds on 001-user-auth";
    assertAll(
        () -> assertEquals(List.of(), RefText.targets(text, false)),
        () ->
            assertEquals(
                List.of(new Target(Kind.NAME, "001-user-auth")), RefText.targets(text, true)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Unit 1.2, UNIT, 1.2",
    "1.2, UNIT, 1.2",
    "#47, ALIAS, #47",
    "auth-units#1.1, QUALIFIED, auth-units#1.1",
    "02-01-PLAN.md, PATH, 02-01-PLAN.md",
    "../specs/001-auth/plan.md, PATH, ../specs/001-auth/plan.md",
    "001-user-auth, ID, 001-user-auth",
  })
  void frontMatterValues(String value, Kind kind, String target) {
    assertEquals(new Target(kind, target), RefText.frontMatterTarget(value));
  }

  private static Target unit(String id) {
    return new Target(Kind.UNIT, id);
  }
}
