package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms real authors write their plan's status in, each on a small whole site: a legend of the
 * plan's own words, metadata tables and lists, status sections, completion headings, block quotes;
 * and the sentences that only look like a status.
 */
class StatusFormsTest {
  @TempDir Path tmp;

  @Test
  void aPlansOwnLegendMapsItsWordsByTheirDescriptions() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === tracker.md ===
                # Migration tracker

                ## Status Legend

                - PENDING: Not started
                - IMPLEMENTED: Code complete, needs verification
                - VERIFIED: Tests pass, ready for merge
                - MERGED: Complete
                - SKIPPED: Will not implement

                ## Unit 1.1: Schema

                **Status:** IMPLEMENTED

                - [x] a

                ## Unit 1.2: Backfill

                **Status:** MERGED

                ## Unit 1.3: Cleanup

                **Status:** SKIPPED

                ## Unit 1.4: Rollout

                **Status:** PENDING
                === plain.md ===
                # Unit 2.0: No legend here

                **Status:** IMPLEMENTED
                """)
            .check();
    assertAll(
        // "Code complete, needs verification": review by this plan's legend, not done.
        () -> assertEquals(Status.REVIEW, declared(r, "tracker#1.1")),
        () -> assertEquals(Status.DONE, declared(r, "tracker#1.2")),
        () -> assertEquals(Status.CANCELLED, declared(r, "tracker#1.3")),
        () -> assertEquals(Status.PLANNED, declared(r, "tracker#1.4")),
        // The legend is the file's own: another file's IMPLEMENTED keeps the global meaning.
        () -> assertEquals(Status.DONE, declared(r, "2.0")));
  }

  @Test
  void withoutALegendTheCommonWordsOfRealPlansMapToo() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === a.md ===
                # Unit 1.0: A

                **Status:** SKIPPED
                === b.md ===
                # Unit 1.1: B

                **Status:** WON'T DO
                === c.md ===
                # Unit 1.2: C

                **Status:** Dropped (moved to v2)
                === d.md ===
                # Unit 1.3: D

                **Status:** VERIFIED
                === e.md ===
                # Unit 1.4: E

                **Status:** 📋 Planning
                === f.md ===
                ---
                status: planning
                ---
                # Unit 1.5: F
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.CANCELLED, declared(r, "1.0")),
        () -> assertEquals(Status.CANCELLED, declared(r, "1.1")),
        () -> assertEquals(Status.CANCELLED, declared(r, "1.2")),
        () -> assertEquals(Status.DONE, declared(r, "1.3")),
        () -> assertEquals(Status.PLANNED, declared(r, "1.4")),
        () -> assertEquals(Status.PLANNED, declared(r, "1.5")));
  }

  @Test
  void aProgressReportOrASentenceIsNotADeclaredStatus() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === report.md ===
                # Unit 1.0: Report

                **Implementation Status:** Backend 100% complete, Frontend 40%, Integration 0%

                - [x] backend
                - [ ] frontend
                === noted.md ===
                # Unit 1.4: Noted

                **Status:** In progress (60% complete)
                === parts.md ===
                # Unit 1.1: Parts

                **Status:** Phase 1 complete, Phase 2 in progress
                === sentence.md ===
                # Unit 1.2: Sentence

                **Status:** The team agreed last week that the old importer is deprecated
                === prerequisites.md ===
                # Unit 1.3: Prerequisites

                ## Current Status

                **Prerequisites Completed:**
                - ✅ Phase 1: Core foundation

                - [ ] next step
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.NONE, declared(r, "1.0")),
        // With nothing declared, the boxes say it.
        () -> assertEquals(Status.IN_PROGRESS, unit(r, "1.0").status()),
        // A value that starts with its status states it; the percentage is a note.
        () -> assertEquals(Status.IN_PROGRESS, declared(r, "1.4")),
        () -> assertEquals(Status.NONE, declared(r, "1.1")),
        () -> assertEquals(Status.NONE, declared(r, "1.2")),
        () -> assertEquals(Status.NONE, declared(r, "1.3")),
        () -> assertEquals(Status.PLANNED, unit(r, "1.3").status()));
  }

  @Test
  void eachUnitsOwnStatusWinsAndTheFileStatusOnlyFillsAFileWithoutAny() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === mixed.md ===
                # Reporting units

                **Status:** In progress

                ## Unit 1.1: Export

                **Status:** Done

                ## Unit 1.2: Import

                - [ ] parse
                === uniform.md ===
                # Billing units

                **Status:** Blocked

                ## Unit 2.1: Invoices

                - [ ] a

                ## Unit 2.2: Refunds

                - [ ] b
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.DONE, declared(r, "mixed#1.1")),
        // The file gives some of its units a status of their own: it says nothing about 1.2.
        () -> assertEquals(Status.NONE, declared(r, "mixed#1.2")),
        () -> assertEquals(Status.PLANNED, unit(r, "mixed#1.2").status()),
        // No unit of this file states one: the file's status is each unit's.
        () -> assertEquals(Status.BLOCKED, declared(r, "uniform#2.1")),
        () -> assertEquals(Status.BLOCKED, declared(r, "uniform#2.2")));
  }

  @Test
  void metadataTablesListsAndStatusSectionsDeclareTheStatus() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === table.md ===
                # Rename the store {#rename}

                Purpose: retire the old prefix.

                ### Plan Metadata {#plan-metadata}

                | Field | Value |
                |------|-------|
                | Owner | Ken |
                | Status | complete (2026-04-27) |
                === list.md ===
                # Keyboard model

                ### Plan Metadata

                - **Status:** active
                - **Surface:** the component library
                === section.md ===
                # Context menu

                ### Status {#status}

                - **Status:** draft — investigation pending.
                === overall.md ===
                # Milestone 8

                **Overall Status:** ✅ Complete (staging + production validated)
                === heading.md ===
                # Web SDK - Phase 1

                ## Completed: Core Infrastructure (Phase 1)

                ### Date: August 23, 2025
                === quote.md ===
                # Babysit consolidation

                > Status: draft for review. Not a plan artifact.

                ## Problem
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.DONE, declared(r, "table")),
        () -> assertEquals(Status.IN_PROGRESS, declared(r, "list")),
        () -> assertEquals(Status.DRAFT, declared(r, "section")),
        () -> assertEquals(Status.DONE, declared(r, "overall")),
        () -> assertEquals(Status.DONE, declared(r, "heading")),
        () -> assertEquals(Status.DRAFT, declared(r, "quote")));
  }

  @Test
  void aListOfFieldsRightUnderTheTitleOrAUnitHeadingDeclaresTheStatus() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === top-list.md ===
                # Search rewrite

                - **Status:** In progress
                - **Owner:** Dana

                ## Steps

                - [ ] a
                === units.md ===
                # Reporting units

                ## Unit 1.1: Export

                - **Status:** Done
                - **Depends on:** nothing

                - [ ] a

                ## Unit 1.2: Import

                - [ ] b
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.IN_PROGRESS, declared(r, "top-list")),
        () -> assertEquals(Status.DONE, declared(r, "units#1.1")),
        () -> assertEquals(Status.NONE, declared(r, "units#1.2")));
  }

  @Test
  void aListUnderAStatusHeadingIsReadLikeItsFirstParagraph() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === first-item.md ===
                # Export

                ## Status

                - ✅ Complete
                - Deployed to staging on 2026-02-08

                ## Notes
                === report-then-summary.md ===
                # Import

                ## Status

                - Phase 1: done
                - Phase 2: in progress

                Overall: in progress.
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.DONE, declared(r, "first-item")),
        // Items with statuses of their own report progress; the paragraph after them is the status.
        () -> assertEquals(Status.IN_PROGRESS, declared(r, "report-then-summary")));
  }

  @Test
  void aSectionTitledWithAStatusWordLaterInThePlanIsNoStatus() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === kiro.md ===
                # Tasks

                ## Completed Tasks

                - [x] a

                ## Open Tasks

                - [ ] b
                === later.md ===
                # Voice pipeline

                ## Overview

                Text.

                ## Completed: the first half
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.NONE, declared(r, "kiro")),
        () -> assertEquals(Status.NONE, declared(r, "later")));
  }

  @Test
  void outputInsideAGsdTaskIsNotPlanMetadata() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === 02-01-PLAN.md ===
                ---
                phase: 02-auth
                plan: 01
                ---

                <objective>
                Add the login endpoint.

                Output: a NestJS module with a controller.
                </objective>

                <task type="auto">
                Status: done in the prototype already.
                </task>
                """)
            .check();
    Unit u = unit(r, "02-01");
    assertAll(
        () -> assertEquals(Status.NONE, u.declared().status()),
        () ->
            assertEquals(
                List.of("phase", "plan"),
                r.repository().plans().get(0).metadata().fields().stream()
                    .map(f -> f.key())
                    .toList()));
  }

  private static Status declared(Site.Result r, String id) {
    return unit(r, id).declared().status();
  }

  private static Unit unit(Site.Result r, String id) {
    return r.repository().units().stream()
        .filter(u -> u.id().toString().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no unit "
                        + id
                        + " among "
                        + r.repository().units().stream().map(u -> u.id().toString()).toList()));
  }
}
