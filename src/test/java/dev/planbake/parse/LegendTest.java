package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.model.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegendTest {

  @Test
  void aLegendSectionMapsEachWordByItsDescription() {
    Legend legend =
        Legend.read(
            """
            # Tracker

            ## Status Legend

            - PENDING: Not started
            - IN PROGRESS: Being worked on
            - IMPLEMENTED: Code complete, needs verification
            - MERGED: Complete
            - SKIPPED: Will not implement
            - WAITING: Cannot start due to a dependency

            ## Units
            - DONE: this list is no legend
            """);
    assertAll(
        () -> assertEquals(Optional.of(Status.PLANNED), legend.of("PENDING")),
        () -> assertEquals(Optional.of(Status.IN_PROGRESS), legend.of("in progress since May")),
        () -> assertEquals(Optional.of(Status.REVIEW), legend.of("IMPLEMENTED (PR #12)")),
        () -> assertEquals(Optional.of(Status.DONE), legend.of("MERGED")),
        () -> assertEquals(Optional.of(Status.CANCELLED), legend.of("SKIPPED")),
        () -> assertEquals(Optional.of(Status.BLOCKED), legend.of("WAITING")),
        // A word the legend does not give is left to the global words.
        () -> assertEquals(Optional.empty(), legend.of("DONE")));
  }

  @Test
  void aOneLineLegendMapsItsWordsAndEmoji() {
    Legend legend =
        Legend.read("**Legend:** ✅ Complete | ⚠️ Partial (needs review) | 🔲 Pending\n");
    assertAll(
        () -> assertEquals(Optional.of(Status.REVIEW), legend.of("Partial")),
        () -> assertEquals(Optional.of(Status.REVIEW), legend.of("⚠️")),
        () -> assertEquals(Optional.of(Status.DONE), legend.of("✅")),
        () -> assertEquals(Optional.of(Status.PLANNED), legend.of("🔲 Pending")));
  }

  @Test
  void aLegendInsideACodeBlockIsAnExampleNotTheFilesLegend() {
    Legend legend =
        Legend.read(
            """
            ```markdown
            ## Status Legend
            - IMPLEMENTED: needs verification
            ```
            """);
    assertEquals(Legend.NONE, legend);
  }
}
