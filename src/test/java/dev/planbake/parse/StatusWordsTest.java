package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.model.Status;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusWordsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Not started | PLANNED",
        "not yet implemented | PLANNED",
        "✅ SHIPPED 2026-06-03 | DONE",
        "Partially implemented | IN_PROGRESS",
        "WIP | IN_PROGRESS",
        "In Progress | IN_PROGRESS",
        "🚧 under construction | IN_PROGRESS",
        "⏳ waiting | IN_PROGRESS",
        "⏳ waiting on review | REVIEW",
        "✅ APPROVED (with minor notes) | PLANNED",
        "✅ | DONE",
        "Approved | PLANNED",
        "Proposed | PLANNED",
        "Complete | DONE",
        "Completed | DONE",
        "Merged in #214 | DONE",
        "Done | DONE",
        "Draft | DRAFT",
        "Blocked on the vendor | BLOCKED",
        "On hold | BLOCKED",
        "In review | REVIEW",
        "Abandoned | CANCELLED",
        "❌ dropped | CANCELLED",
        "SKIPPED | CANCELLED",
        "DROPPED | CANCELLED",
        "Not planned | CANCELLED",
        "VERIFIED | DONE",
        "Planning | PLANNED",
        "📋 Planning | PLANNED",
        "Ready for review | REVIEW",
        "Needs verification | REVIEW",
        "Accepted | PLANNED",
        "Proposal | PLANNED",
        "to-do | PLANNED",
        "not_started | PLANNED",
        "in_progress | IN_PROGRESS",
        "Under development | IN_PROGRESS",
        "Landed | DONE",
        "Deployed to production | DONE",
      })
  void mapsTheWordsPeopleUse(String text, Status expected) {
    assertEquals(Optional.of(expected), StatusWords.of(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "Phase 2 of 5", "See the table below"})
  void textWithoutAStatusWordStatesNothing(String text) {
    assertEquals(Optional.empty(), StatusWords.of(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"published", "Publish"})
  void jbakePublishedIsAboutPublishingNotTheWork(String value) {
    assertEquals(Optional.empty(), StatusWords.ofMetadata(value));
  }

  @ParameterizedTest(name = "{0}/ is {1}")
  @CsvSource({
    "done, DONE",
    "completed, DONE",
    "archive, DONE",
    "active, IN_PROGRESS",
    "in-progress, IN_PROGRESS",
    "wip, IN_PROGRESS",
    "backlog, PLANNED",
    "proposed, PLANNED",
  })
  void foldersImplyAStatus(String folder, Status expected) {
    assertEquals(Optional.of(expected), StatusWords.ofFolder(folder));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plans", "specs", "thoughts", "2026"})
  void otherFoldersImplyNothing(String folder) {
    assertEquals(Optional.empty(), StatusWords.ofFolder(folder));
  }
}
