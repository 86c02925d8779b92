package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.TestSite;
import dev.planbake.model.Cycle;
import dev.planbake.model.Edge;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import dev.planbake.site.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution, edges and problems, on small sites declared inline. */
class GraphTest {
  @TempDir Path tmp;

  @Test
  void unitsAndNamesTwoUpstreamUnits() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === unit-1-1.md ===
                # Unit 1.1: Session schema
                === unit-1-2.md ===
                # Unit 1.2: Token model
                === unit-2-1.md ===
                # Unit 2.1: Session store

                ## Integration Points

                Upstream Dependencies:
                - Requires the schema and the token model (Units 1.1 and 1.2)
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("2.1 -> 1.1", "2.1 -> 1.2"), edges(r)));
  }

  @Test
  void linksBacktickedPathsAndAliasesResolve() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === thoughts/shared/plans/2026-02-09-rate-limits.md ===
                # Rate Limits Implementation Plan (#48)
                === technical/audit-log.md ===
                # Technical Implementation Plan: Audit log
                === units/webhooks.md ===
                # Webhooks

                Depends on: #48

                ## Dependencies

                - [Audit log](../technical/audit-log.md)
                - `thoughts/shared/plans/2026-02-09-rate-limits.md`
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of("webhooks -> 2026-02-09-rate-limits", "webhooks -> audit-log"), edges(r)),
        () -> assertEquals(List.of("#48"), unit(r, "2026-02-09-rate-limits").part().aliases()));
  }

  @Test
  void libraryNamesInADependenciesSectionGiveNothing() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === frontend.md ===
                # Frontend rewrite

                ## Dependencies

                - react-router-dom 6.x
                - `pydantic` and `zod`
                - @tanstack/react-query
                - lodash, date-fns
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)), () -> assertEquals(List.of(), edges(r)));
  }

  @Test
  void aDanglingDependencyIsAnErrorNamingTheNearestUnits() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === unit-3-1.md ===
                # Unit 3.1: Exports

                Blocked by: Unit 3.4
                === unit-3-2.md ===
                # Unit 3.2: Imports
                """)
            .check();
    assertEquals(
        List.of(
            "unit-3-1.md:3: error: dangling reference: Unit 3.4 does not exist"
                + " (nearest: Unit 3.1, Unit 3.2)"),
        TestSite.lines(r));
  }

  @Test
  void aRelatedPathToAFileThatIsNoPlanIsNotReportedButARelatedUnitIs() {
    // Real References sections link design docs, tickets and folders: not plans, not problems.
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === sync.md ===
                # Unit 2.0: Sync

                ## References

                - `docs/design.md`
                - [tickets](../tickets/004-sync.md)
                - `.cache/`
                - Unit 9.9
                """)
            .check();
    assertEquals(
        List.of(
            "sync.md:8: warning: reference to Unit 9.9, which does not exist"
                + " (nearest: Unit 2.0)"),
        TestSite.lines(r));
  }

  @Test
  void aMissingDownstreamUnitIsAPlaceholderNotAnError() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === unit-1-0.md ===
                # Unit 1.0: Accounts

                ## Integration Points

                Downstream Dependencies:
                - Future: Email notifications (planned Unit 3.2)
                """)
            .check();
    Unit placeholder = unit(r, "3.2");
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("3.2 -> 1.0"), edges(r)),
        () -> assertTrue(placeholder.placeholder()),
        () -> assertEquals("Not yet planned", placeholder.title()),
        () -> assertEquals(List.of(UnitId.global("3.2")), unit(r, "1.0").enables()));
  }

  @Test
  void aCycleIsReportedOnceWithTheLineOfEveryEdge() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === a.md ===
                # Unit 1.0: A

                Depends on: Unit 3.0
                === b.md ===
                # Unit 2.0: B

                Depends on: Unit 1.0
                === c.md ===
                # Unit 3.0: C

                Depends on: Unit 2.0
                """)
            .check();
    assertEquals(
        List.of(
            "a.md:3: error: dependency cycle: 1.0 -> 3.0 -> 2.0 -> 1.0"
                + " (edges at a.md:3, c.md:3, b.md:3) (remove one of these dependencies)"),
        TestSite.lines(r));
  }

  @Test
  void aThousandUnitCycleIsOneProblem() {
    TestSite site = TestSite.of(tmp);
    for (int i = 0; i < 1000; i++) {
      site.write(
          "u" + i + ".md",
          "# Unit 1." + i + ": U" + i + "\n\nDepends on: Unit 1." + (i + 1) % 1000 + "\n");
    }
    Site.Result r = site.check();
    List<Cycle> cycles = r.repository().cycles();
    assertAll(
        () -> assertEquals(1, cycles.size()),
        () -> assertEquals(1000, cycles.get(0).edges().size()),
        () -> assertEquals(1, r.errors()),
        () ->
            assertTrue(
                TestSite.lines(r)
                    .get(0)
                    .startsWith(
                        "u0.md:3: error: dependency cycle: 1.0 -> 1.1 -> 1.2 -> 1.3 -> 1.4 -> 1.5"
                            + " -> 1.6 -> 1.7 -> 1.8 -> 1.9 -> ... -> 1.0 (edges at u0.md:3,"),
                TestSite.lines(r).get(0)));
  }

  @Test
  void duplicateIdsAreReportedAtBothFiles() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === first.md ===
                # Unit 4.0: First
                === second.md ===
                # Unit 4.0: Second
                """)
            .check();
    assertEquals(
        List.of(
            "first.md:1: error: duplicate unit id 4.0 (also second.md:1)",
            "second.md:1: error: duplicate unit id 4.0 (also first.md:1)"
                + " (renumber one of them; this one is shown as second#4.0)"),
        TestSite.lines(r));
  }

  @Test
  void aSelfReferenceIsAnError() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === self.md ===
                # Unit 5.0: Self

                Requires: Unit 5.0
                """)
            .check();
    assertEquals(List.of("self.md:3: error: 5.0 refers to itself"), TestSite.lines(r));
  }

  @Test
  void unitIdsOfMultiUnitFilesAreScopedToTheirFile() {
    String units =
        """
        # Work units

        ## Unit 1.1: First

        - [x] one

        ## Unit 1.2: Second

        **Depends on:** Unit 1.1

        - [ ] two

        ## Verification

        - [ ] file-level box
        """;
    Site.Result r = TestSite.of(tmp, "auth-units.md", units, "billing-units.md", units).check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () ->
            assertEquals(
                List.of(
                    "auth-units#1.2 -> auth-units#1.1", "billing-units#1.2 -> billing-units#1.1"),
                edges(r)),
        () -> assertEquals("1/1", progress(unit(r, "auth-units#1.1"))),
        () -> assertEquals("0/1", progress(unit(r, "auth-units#1.2"))),
        () -> assertEquals(new Progress(1, 3), r.repository().plans().get(0).progress()),
        () -> assertEquals(new Progress(0, 1), r.repository().plans().get(0).rest().progress()));
  }

  @Test
  void linksIntoAFeatureFolderNameThatFeature() {
    // Regression: ./contracts/ and ./research.md of a feature's own folder were dangling errors.
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === specs/001-auth/plan.md ===
                # Implementation Plan: Auth

                **Prerequisites**: [spec.md](./spec.md), [research.md](./research.md),
                [data-model.md](./data-model.md), [contracts/](./contracts/)
                === specs/001-auth/spec.md ===
                # Feature Specification: Auth
                === specs/001-auth/contracts/api.md ===
                # API
                === specs/002-billing/plan.md ===
                # Implementation Plan: Billing

                **Prerequisites**: [auth contracts](../001-auth/contracts/)
                === specs/002-billing/tasks.md ===
                - [ ] T001 Charge a card
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), TestSite.lines(r)),
        () -> assertEquals(List.of("002-billing -> 001-auth"), edges(r)));
  }

  @Test
  void relatedUnitsHaveOneEdgePerPairAndNoneBesideADependency() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === a.md ===
                # Unit 1.0: A

                Related: Unit 2.0
                === b.md ===
                # Unit 2.0: B

                Related: Unit 1.0
                === c.md ===
                # Unit 3.0: C

                Related: Unit 4.0
                === d.md ===
                # Unit 4.0: D

                Depends on: Unit 3.0
                === e.md ===
                # Unit 5.0: E

                Depends on: Unit 6.0
                === f.md ===
                # Unit 6.0: F

                Related: Unit 5.0
                """)
            .check();
    assertEquals(
        List.of("1.0 -- 2.0", "4.0 -> 3.0", "5.0 -> 6.0"),
        r.repository().edges().stream()
            .map(e -> e.from() + (e.kind() == Direction.RELATED ? " -- " : " -> ") + e.to())
            .toList());
  }

  @Test
  void blockedAndReadyFollowTheUpstreamStatus() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === done.md ===
                # Unit 1.0: Done

                - [x] a
                === open.md ===
                # Unit 1.1: Open

                - [ ] b
                === after-done.md ===
                # Unit 2.0: After done

                Depends on: Unit 1.0

                - [ ] c
                === after-open.md ===
                # Unit 2.1: After open

                Depends on: Unit 1.1

                - [ ] d
                """)
            .check();
    assertAll(
        () -> assertEquals("ready", state(unit(r, "2.0"))),
        () -> assertEquals("blocked", state(unit(r, "2.1"))),
        () -> assertEquals("ready", state(unit(r, "1.1"))),
        () -> assertEquals("closed", state(unit(r, "1.0"))),
        () ->
            assertEquals(
                List.of(UnitId.global("1.1"), UnitId.global("2.1")),
                r.repository().criticalPath()));
  }

  @Test
  void aPageWithoutBoxesIsWorkOnlyWhenItTakesPartInTheOrderOfWork() {
    // GSD plans keep their steps in <task> blocks, not boxes, and name their order in front matter.
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === 02-01-PLAN.md ===
                ## Trust boundaries
                === 02-02-PLAN.md ===
                ---
                depends_on: [02-01-PLAN.md]
                ---
                ## Objective
                === README.md ===
                # Plans
                """)
            .check();
    assertAll(
        () -> assertEquals(Status.PLANNED, unit(r, "02-01").status()),
        () -> assertEquals("ready", state(unit(r, "02-01"))),
        () -> assertEquals(Status.PLANNED, unit(r, "02-02").status()),
        () -> assertEquals("blocked", state(unit(r, "02-02"))),
        () -> assertEquals(Status.NONE, unit(r, "readme").status()),
        () -> assertEquals("closed", state(unit(r, "readme"))));
  }

  @Test
  void aLineThatDeniesAnOrderNamesARelatedUnitNotADependency() {
    // mbe-ui's 021 spec: "MUST NOT modify ... `specs/020-point-of-sale` ... independently
    // shippable".
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === specs/020-point-of-sale/plan.md ===
                # Implementation Plan: Point of Sale
                === specs/021-cash-sessions/plan.md ===
                # Implementation Plan: Cash Sessions

                ## Dependencies and Constraints

                - D-001: needs `specs/019-tills`
                - D-002: MUST NOT modify `specs/020-point-of-sale`; both remain independently shippable.
                === specs/019-tills/plan.md ===
                # Implementation Plan: Tills
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of("021-cash-sessions -> 019-tills"), edges(r)),
        () ->
            assertEquals(
                List.of(UnitId.global("020-point-of-sale")),
                unit(r, "021-cash-sessions").related()));
  }

  @Test
  void aBacktickedFeatureFolderInProseIsABacklink() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === specs/008-merge-products/plan.md ===
                # Implementation Plan: Merge Products
                === specs/016-product-merge-review/plan.md ===
                # Implementation Plan: Merge Review

                ## Summary

                A review step in the Merge Products screen (`specs/008-merge-products`).
                """)
            .check();
    assertAll(
        () -> assertEquals(List.of(), edges(r)),
        () ->
            assertEquals(
                List.of(UnitId.global("016-product-merge-review")),
                unit(r, "008-merge-products").mentionedBy()));
  }

  private static List<String> edges(Site.Result r) {
    return r.repository().edges().stream()
        .filter(e -> e.kind() == Direction.DEPENDS_ON)
        .map(GraphTest::arrow)
        .toList();
  }

  private static String arrow(Edge e) {
    return e.from() + " -> " + e.to();
  }

  private static Unit unit(Site.Result r, String id) {
    return r.repository().units().stream()
        .filter(u -> u.id().toString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no unit " + id));
  }

  private static String progress(Unit u) {
    return u.progress().done() + "/" + u.progress().total();
  }

  private static String state(Unit u) {
    return u.blocked() ? "blocked" : u.ready() ? "ready" : "closed";
  }
}
