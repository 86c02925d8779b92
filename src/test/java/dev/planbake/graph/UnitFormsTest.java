package dev.planbake.graph;

import static dev.planbake.graph.DependencyFormsTest.edges;
import static dev.planbake.graph.DependencyFormsTest.errors;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.model.Unit;
import dev.planbake.site.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a unit starts and ends and what it is called, as the tools that write plans mean it: one
 * unit per OpenSpec change and per Kiro spec folder, Backlog.md ids, task numbers and milestone
 * names in an H1, and file names written in prose that are no reference.
 */
class UnitFormsTest {
  @TempDir Path tmp;

  @Test
  void anOpenSpecChangeIsOneUnitNamedByItsFolder() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === openspec/changes/add-auth/proposal.md ===
                # Change: Add auth

                Depends on: `add-db`
                === openspec/changes/add-auth/tasks.md ===
                ## 1. Build
                - [x] 1.1 Schema
                - [ ] 1.2 Endpoint
                === openspec/changes/add-auth/specs/auth/spec.md ===
                ## ADDED Requirements
                === openspec/changes/archive/2025-08-19-add-db/tasks.md ===
                - [x] 1.1 Tables
                === openspec/changes/archive/2025-08-19-add-db/proposal.md ===
                # Add DB
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), errors(r)),
        () -> assertEquals(List.of("2025-08-19-add-db", "add-auth"), ids(r)),
        () -> assertEquals("Add auth", unit(r, "add-auth").title()),
        () -> assertEquals("1/2", progress(unit(r, "add-auth"))),
        () -> assertEquals(List.of("add-auth -> 2025-08-19-add-db"), edges(r)));
  }

  @Test
  void aKiroSpecIsOneUnitAndSpecNNamesTheFolderNumberedN() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === .kiro/specs/1-design-system/requirements.md ===
                # Requirements Document
                === .kiro/specs/1-design-system/tasks.md ===
                - [x] 1. Tokens
                === .kiro/specs/2-board/requirements.md ===
                # Requirements Document
                === .kiro/specs/2-board/design.md ===
                # Design Document: Board

                **Dependencies:**
                - Spec 1: Design System (tokens)
                === .kiro/specs/2-board/tasks.md ===
                # Implementation Plan

                - [x] 1. Layout
                - [ ] 2. Drag and drop
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), errors(r)),
        () -> assertEquals(List.of("1-design-system", "2-board"), ids(r)),
        () -> assertEquals("Board", unit(r, "2-board").title()),
        () -> assertEquals("1/2", progress(unit(r, "2-board"))),
        () -> assertEquals(List.of("2-board -> 1-design-system"), edges(r)));
  }

  @Test
  void backlogTaskDependenciesNameTheTaskOfThatNumber() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === backlog/tasks/back-213 - Compute-sequences.md ===
                ---
                id: BACK-213
                title: Compute sequences
                status: Done
                ---
                === backlog/tasks/back-214 - List-sequences.md ===
                ---
                id: BACK-214
                title: List sequences
                status: To Do
                dependencies:
                  - task-213
                ---
                === backlog/tasks/back-215 - Show-sequences.md ===
                ---
                id: BACK-215
                title: Show sequences
                dependencies: [BACK-213, back-214]
                ---
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "back-214-list-sequences -> back-213-compute-sequences",
                    "back-215-show-sequences -> back-213-compute-sequences",
                    "back-215-show-sequences -> back-214-list-sequences"),
                edges(r)));
  }

  @Test
  void taskNumbersTaskIdsAndMilestonesInAnH1NameTheirPlan() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === tasks/01-containerize.md ===
                # 4. Containerize control plane
                === tasks/02-deploy.md ===
                # 5. Deploy

                **Depends on:** #4 Containerize Control Plane
                === drafts/p1-001-presets.md ===
                # 🔧 P1-001: Create presets
                === drafts/p1-002-annotate.md ===
                # 🔧 P1-002: Annotate tools

                > **Blocked by**: P1-001
                === milestones/M2.md ===
                # M2 Data layer
                === milestones/M3/PREP.md ===
                # M3 Preparation Report

                **Depends on:** M2 (Data layer)
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "02-deploy -> 01-containerize",
                    "p1-002-annotate -> p1-001-presets",
                    "prep -> m2"),
                edges(r)));
  }

  @Test
  void fileNamesInProseInADependencySectionAreNoProblem() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === plans/cleanup.md ===
                # Cleanup

                ## Dependencies / Prerequisites

                - Grep results for every site (tests, scripts, CLAUDE.md) gathered first.
                - `bun x tsc --noEmit` clean inside `tests/in-app/` before the rename.
                - **HTML5 templates**: already present in `core/src/main/resources/html5/`
                - `plans/rename.md`

                ## Risks & Dependencies

                | Risk | Mitigation |
                |---|---|
                | SKILL.md bloat | keep the table short |
                === plans/rename.md ===
                # Rename
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("cleanup -> rename"), edges(r)));
  }

  private static List<String> ids(Site.Result r) {
    return r.repository().units().stream().map(u -> u.id().toString()).sorted().toList();
  }

  private static Unit unit(Site.Result r, String id) {
    return r.repository().units().stream()
        .filter(u -> u.id().toString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no unit " + id + " in " + ids(r)));
  }

  private static String progress(Unit u) {
    return u.progress().done() + "/" + u.progress().total();
  }
}
