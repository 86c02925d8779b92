package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.model.Edge;
import dev.planbake.model.Reference.Direction;
import dev.planbake.site.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways real authors write an order of work (issue 23, items 1-4), each on a small site written
 * the way those repositories write it: the edges it gives and that it reports nothing.
 */
class DependencyFormsTest {
  @TempDir Path tmp;

  @Test
  void bareIdsAfterALabelNameUnitsOfTheSameFile() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === auth-units.md ===
                # Auth units

                ## Unit 1.1: Schema

                ## Unit 1.2: Tokens

                **Depends on:** 1.1

                ## Unit 1.3: Store

                **Depends on:** 1.1, 1.2

                ## Unit 2.1: API

                Requires: 1.2 and 1.3

                ## Unit 2.2: Docs

                **Depends on:** None

                ## Unit 2.3: Cleanup

                **Blocked by:** 2.1

                ## Unit 2.4: Tooling

                Requires: Python 3.11 or later
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "auth-units#1.2 -> auth-units#1.1",
                    "auth-units#1.3 -> auth-units#1.1",
                    "auth-units#1.3 -> auth-units#1.2",
                    "auth-units#2.1 -> auth-units#1.2",
                    "auth-units#2.1 -> auth-units#1.3",
                    "auth-units#2.3 -> auth-units#2.1"),
                edges(r)));
  }

  @Test
  void aSectionOfFileOrLibraryDependenciesNamesNoOrderOfWork() {
    // An implementation-order note says which change created a file; the order is elsewhere.
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === add-input-validation.md ===
                # Add validation

                - [x] Schemas

                === add-commands.md ===
                # Add commands

                **Depends on:** add-input-validation

                - [ ] Commands

                === order.md ===
                # Implementation order

                ## Key Dependencies

                ### File Dependencies
                - `src/schemas/*.ts` (created by add-input-validation) → imported by both commands

                ### External Dependencies
                - add-commands needs Node 20
                """)
            .check();
    assertEquals(List.of("add-commands -> add-input-validation"), edges(r));
  }

  @Test
  void aRangeOrAGroupNamesEveryUnitInIt() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === rollout.md ===
                # Rollout

                ## Unit 1.1: One

                ## Unit 1.2: Two

                ## Unit 1.3: Three

                ## Unit 2.1: Four

                **Depends on:** All Phase 1 units

                ## Unit 3.1: Five

                **Depends on:** 1.2-1.3

                ## Unit 3.2: Six

                **Depends on:** all previous units
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "rollout#2.1 -> rollout#1.1",
                    "rollout#2.1 -> rollout#1.2",
                    "rollout#2.1 -> rollout#1.3",
                    "rollout#3.1 -> rollout#1.2",
                    "rollout#3.1 -> rollout#1.3",
                    "rollout#3.2 -> rollout#1.1",
                    "rollout#3.2 -> rollout#1.2",
                    "rollout#3.2 -> rollout#1.3",
                    "rollout#3.2 -> rollout#2.1",
                    "rollout#3.2 -> rollout#3.1"),
                edges(r)));
  }

  @Test
  void gsdPlanNumbersNameThePlansOfTheirPhase() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === .planning/phases/02-api/02-01-PLAN.md ===
                ---
                phase: 02-api
                plan: 01
                depends_on: []
                ---
                === .planning/phases/02-api/02-02-PLAN.md ===
                ---
                phase: 02-api
                plan: 02
                depends_on: [01]
                ---
                === .planning/phases/03-ui/03-01-PLAN.md ===
                ---
                phase: 03-ui
                plan: 01
                depends_on: ["02-02"]
                ---
                === .planning/phases/03-ui/03-02-PLAN.md ===
                ---
                phase: 03-ui
                plan: 02
                depends_on: [02-01-PLAN.md, "01"]
                ---
                === .planning/phases/12.4-mfa/12.4-01-PLAN.md ===
                ---
                phase: 12.4-mfa
                plan: 01
                ---
                === .planning/phases/12.4-mfa/12.4-02-PLAN.md ===
                ---
                phase: 12.4-mfa
                plan: 02
                depends_on: ["12.4-01"]
                ---
                === .planning/ROADMAP.md ===
                # Roadmap

                ### Phase 3: UI

                **Depends on**: Phase 2

                ### Phase 12.4: MFA (INSERTED)

                **Depends on**: Phase 3
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), errors(r)),
        () ->
            assertEquals(
                List.of(
                    "02-02 -> 02-01",
                    "03-01 -> 02-01",
                    "03-01 -> 02-02",
                    "03-02 -> 02-01",
                    "03-02 -> 02-02",
                    "03-02 -> 03-01",
                    "12.4-01 -> 03-01",
                    "12.4-01 -> 03-02",
                    "12.4-02 -> 03-01",
                    "12.4-02 -> 03-02",
                    "12.4-02 -> 12.4-01"),
                edges(r)));
  }

  @Test
  void featureNumbersNameTheirFeatureFolders() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === specs/001-user-auth/spec.md ===
                # Feature: User auth
                === specs/002-billing/spec.md ===
                # Billing

                **Depends on**: Feature 001
                === specs/003-reports/spec.md ===
                # Reports

                Requires: Spec 002 (invoices)
                === specs/004-export/spec.md ===
                # Export

                ## Dependencies

                - feature 002-billing
                - #003
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "002-billing -> 001-user-auth",
                    "003-reports -> 002-billing",
                    "004-export -> 002-billing",
                    "004-export -> 003-reports"),
                edges(r)));
  }

  @Test
  void phaseNamesNameTheSiblingPhasePlans() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === plans/phase-0-setup.md ===
                # Phase 0: Setup
                === plans/phase-1-core.md ===
                > Requires Phase 0 · Unlocks Phase 2

                # Phase 1: Core
                === plans/phase-2-ui.md ===
                # Phase 2: UI (#51)

                Parent: #47
                === plans/phase-3-extra.md ===
                # Extra work

                Depends on: Phase 2 (#51) -- the UI must ship first
                === plans/overview.md ===
                # Overview (#47)
                === roadmap/api.md ===
                # Phase 1: API
                === roadmap/ui.md ===
                # Phase 2: UI

                Requires Phase 1
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "phase-1-core -> phase-0-setup",
                    "phase-2-ui -> phase-1-core",
                    "phase-3-extra -> phase-2-ui",
                    "ui -> api"),
                edges(r)),
        () -> assertEquals(List.of("phase-2-ui ~ overview"), related(r)));
  }

  @Test
  void aCrossSpecListSaysWhichFeatureNeedsThisOne() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === specs/002-hash/spec.md ===
                # Hash
                === specs/002-hash/tasks.md ===
                - [x] T004 ObjectId

                ## Cross-Spec Dependencies

                - Spec 003 (object model) depends on: ObjectId (T004)

                ## Dependencies & Execution Order

                - Phase 6 depends on Phase 2 (types only, needs the store from spec 003)
                === specs/003-object-model/spec.md ===
                # Object model
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("003-object-model -> 002-hash"), edges(r)));
  }

  @Test
  void anExecutionOrderSectionGivesTheOrderOfTheUnitsItNames() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === rollout.md ===
                # Rollout

                ## Unit 1.1: One

                ## Unit 1.2: Two

                ## Unit 1.3: Three

                ## Unit 2.1: Four

                ## Unit 2.2: Five

                ## Unit 3.1: Six

                ## Flow

                Unit 3.1 → Unit 1.1 (a drawing outside an order section: no order)

                ## Execution Order

                ```
                Unit 1.1
                Unit 1.2 ─── After 1.1
                ```

                - 1.3 → after 1.1, 1.2
                - Wave 1: 1.1, 1.2, 1.3
                - Wave 2: 2.1, 2.2 (after wave 1)
                - 2.2 → 3.1
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "rollout#1.2 -> rollout#1.1",
                    "rollout#1.3 -> rollout#1.1",
                    "rollout#1.3 -> rollout#1.2",
                    "rollout#2.1 -> rollout#1.1",
                    "rollout#2.1 -> rollout#1.2",
                    "rollout#2.1 -> rollout#1.3",
                    "rollout#2.2 -> rollout#1.1",
                    "rollout#2.2 -> rollout#1.2",
                    "rollout#2.2 -> rollout#1.3",
                    "rollout#3.1 -> rollout#2.2"),
                edges(r)));
  }

  @Test
  void anIndexLineSaysWhichUnitDependsBeforeItsLabel() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === changes/IMPLEMENTATION_ORDER.md ===
                # Implementation Order

                ### Phase 1: Foundation
                **1. add-db-layer** (No dependencies)

                ### Phase 2: Auth
                **2. add-auth-flow** (Depends on: add-db-layer)
                === changes/add-db-layer.md ===
                # DB layer
                === changes/add-auth-flow.md ===
                # Auth flow
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("add-auth-flow -> add-db-layer"), edges(r)));
  }

  @Test
  void aDiagramInADependencySectionDrawsOtherWorkNotThisPlansOrder() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === drafts/p1-001-presets.md ===
                # P1-001: Presets
                === drafts/p1-002-annotate.md ===
                # P1-002: Annotate

                > **Blocked by**: P1-001
                === drafts/epic.md ===
                # Epic: discoverability

                ## Dependency Graph

                ```mermaid
                flowchart LR
                    P1001[P1-001: Presets] --> P1002[P1-002: Annotate]
                ```

                ```
                p1-001-presets
                    ↓
                p1-002-annotate
                ```
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("p1-002-annotate -> p1-001-presets"), edges(r)));
  }

  static List<String> edges(Site.Result r) {
    return r.repository().edges().stream()
        .filter(e -> e.kind() == Direction.DEPENDS_ON)
        .map(DependencyFormsTest::arrow)
        .sorted()
        .toList();
  }

  private static List<String> related(Site.Result r) {
    return r.repository().edges().stream()
        .filter(e -> e.kind() == Direction.RELATED)
        .map(e -> e.from() + " ~ " + e.to())
        .sorted()
        .toList();
  }

  static List<String> errors(Site.Result r) {
    return r.diagnostics().stream().filter(d -> d.isError()).map(TestSite::line).toList();
  }

  private static String arrow(Edge e) {
    return e.from() + " -> " + e.to();
  }
}
