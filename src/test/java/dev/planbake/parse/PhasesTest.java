package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which headings start a phase, and what its number and name are. */
class PhasesTest {

  private static List<String> phases(String markdown) {
    Doc doc = DocumentReader.read(Path.of("plans"), "p.md", markdown, "", false);
    return doc.content().phases().stream()
        .map(
            p ->
                p.number()
                    + "|"
                    + p.name()
                    + "|"
                    + p.progress().done()
                    + "/"
                    + p.progress().total())
        .toList();
  }

  @Test
  void aHeadingUnderAPhaseWithItsNumberIsPartOfThatPhase() {
    // Real plans (jlevy/tbd) give each phase sub-headings that repeat its number.
    String md =
        """
        # Plan

        ### Phase 3: Core Schemas

        #### Phase 3 Tasks

        - [x] one
        - [ ] two

        #### Phase 3 Tests

        - [x] three

        ### Phase 4: Sync
        - [ ] four
        """;
    assertEquals(List.of("3|Core Schemas|2/3", "4|Sync|0/1"), phases(md));
  }

  @Test
  void namesLoseTheirSeparatorAndRangesKeepTheirNumbers() {
    String md =
        """
        ## Phase 1 -- Foundation
        ## Phase 2 — Build
        ## Phase 22-25 Agent Integration
        ## Phase 5 & 6 (Already done)
        ## Phase 7a: Extras
        ## Phase 8
        """;
    assertEquals(
        List.of(
            "1|Foundation|0/0",
            "2|Build|0/0",
            "22-25|Agent Integration|0/0",
            "5 & 6|(Already done)|0/0",
            "7a|Extras|0/0",
            "8||0/0"),
        phases(md));
  }

  @Test
  void aPhaseInsideAnotherPhaseWithAnotherNumberIsStillAPhase() {
    String md =
        """
        ## Phase 2: Backend
        ### Phase 2a: API
        - [x] a
        ### Phase 2b: Jobs
        - [ ] b
        """;
    assertEquals(List.of("2|Backend|1/2", "2a|API|1/1", "2b|Jobs|0/1"), phases(md));
  }

  @Test
  void withASeparatorAPhaseUnderAPhaseOfItsNumberIsItsOwn() {
    // Seed 003: spec-kit's "Phase 2: Implementation Strategy" holds development phases 1 and 2.
    String md =
        """
        ## 5. Phase 2: Implementation Strategy
        #### Phase 1: Export Jobs
        - [x] a
        #### Phase 2: Download Links
        - [ ] b
        """;
    assertEquals(
        List.of("2|Implementation Strategy|1/2", "1|Export Jobs|1/1", "2|Download Links|0/1"),
        phases(md));
  }

  @Test
  void aTimeEstimateInBracketsAfterTheNameIsTheDuration() {
    String md =
        """
        ### Phase 4: Flask Compatibility (Week 3)
        ### Phase 5: Rollout (2-3 days)
        ### Phase 6: Core Tables (Actor & Property)
        ### Phase 7: Cache (COMPLETED)
        """;
    Doc doc = DocumentReader.read(Path.of("plans"), "p.md", md, "", false);
    assertEquals(
        List.of(
            "Flask Compatibility|Week 3",
            "Rollout|2-3 days",
            "Core Tables (Actor & Property)|",
            "Cache (COMPLETED)|"),
        doc.content().phases().stream().map(p -> p.name() + "|" + p.duration()).toList());
  }
}
