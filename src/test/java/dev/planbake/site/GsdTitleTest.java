package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The title of a GSD plan, which has no H1: what its objective says it does. */
class GsdTitleTest {
  @TempDir Path tmp;

  @Test
  void aGsdPlanIsTitledByItsObjectiveNotItsFileName() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === 12.4-mfa/12.4-01-PLAN.md ===
                ---
                phase: 12.4-mfa-cross-device
                plan: 01
                ---

                <objective>
                Build the bulletin board REST API for cross-device factor transfer.

                Purpose: new devices need a way to request approval.
                </objective>
                === 12.4-mfa/12.4-02-PLAN.md ===
                ---
                phase: 12.4-mfa-cross-device
                plan: 02
                ---

                <objective>
                Implement the Go API for pausing and resuming DAG execution: standalone `Pause(ctx, wf, dagID)` and `Resume(ctx, wf, dagID)` functions following the existing pattern.
                </objective>
                === 12.4-mfa/12.4-03-PLAN.md ===
                <objective>
                Write comprehensive unit tests for the Pause() and Resume() API functions, covering all error paths, CAS-based state transitions, event publishing, and the scheduler.
                </objective>
                === 03-x/03-01-PLAN.md ===
                ---
                phase: 12.4-mfa-cross-device
                plan: 03
                ---

                <tasks>
                </tasks>
                === 04-x/04-01-PLAN.md ===
                Steps only.

                ## Trust Boundaries
                """)
            .check();
    assertAll(
        () ->
            assertEquals(
                "Build the bulletin board REST API for cross-device factor transfer",
                title(r, "12.4-mfa/12.4-01-PLAN.md")),
        () ->
            assertEquals(
                "Implement the Go API for pausing and resuming DAG execution",
                title(r, "12.4-mfa/12.4-02-PLAN.md")),
        () ->
            assertEquals(
                "Write comprehensive unit tests for the Pause() and Resume() API functions",
                title(r, "12.4-mfa/12.4-03-PLAN.md")),
        // No objective: its phase (a decimal phase's number left out) and plan.
        () -> assertEquals("Mfa cross device — plan 03", title(r, "03-x/03-01-PLAN.md")),
        () -> assertEquals("Trust Boundaries", title(r, "04-x/04-01-PLAN.md")));
  }

  @Test
  void aBoxInsideATaskBlockIsAnInstructionNotATaskButOneInADetailsBlockCounts() {
    Site.Result r =
        TestSite.of(
                tmp,
                """
                === 12.4-mfa/12.4-05-PLAN.md ===
                <objective>
                Polish the terminal UI.
                </objective>

                <task type="auto">
                  <name>Verify CSS styling consistency</name>
                  <verify>
                   Check that:
                   - [x] checkboxes render correctly

                   - [ ] spinners stop
                  </verify>
                </task>
                === notes.md ===
                # Notes

                <details>
                <summary>Checklist</summary>

                - [x] one
                - [ ] two

                </details>
                """)
            .check();
    assertAll(
        () -> assertEquals("0/0", tasks(r, "12.4-mfa/12.4-05-PLAN.md")),
        () -> assertEquals("1/2", tasks(r, "notes.md")));
  }

  private static String tasks(Site.Result r, String source) {
    var p =
        r.repository().units().stream()
            .filter(u -> u.source().equals(source))
            .findFirst()
            .orElseThrow()
            .progress();
    return p.done() + "/" + p.total();
  }

  private static String title(Site.Result r, String source) {
    return r.repository().units().stream()
        .filter(u -> u.source().equals(source))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no unit from " + source))
        .title();
  }
}
