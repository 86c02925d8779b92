package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.model.Plan;
import dev.planbake.model.Section;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's metadata section and headings with explicit anchors, as generated plans write them. */
class MetadataFormsTest {
  @TempDir Path tmp;

  @Test
  void aMetadataTableGivesItsRowsButNotItsHeaderRow() {
    Plan p =
        plan(
            """
            === tugplan-rename.md ===
            ## Tabstate Rename — Tugbank Prefix {#tabstate-rename}

            ### Plan Metadata {#plan-metadata}

            | Field | Value |
            |------|-------|
            | Owner | Ken Kocienda |
            | Status | complete |
            """);
    assertEquals(
        List.of("Owner: Ken Kocienda", "Status: complete"),
        p.metadata().fields().stream().map(f -> f.key() + ": " + f.value()).toList());
  }

  @Test
  void aHeadingsExplicitAnchorIsNeitherInTheTitleNorInTheSectionTitles() {
    Plan p =
        plan(
            """
            === keyboard.md ===
            # The Tug Keyboard Model {#keyboard-model}

            ## Phase Overview {#phase-overview}

            - [ ] a
            """);
    assertAll(
        () -> assertEquals("The Tug Keyboard Model", p.title()),
        () ->
            assertEquals(
                List.of("The Tug Keyboard Model", "Phase Overview"),
                p.documents().get(0).sections().stream().map(Section::title).toList()));
  }

  private Plan plan(String files) {
    Site.Result r = TestSite.of(tmp, files).check();
    return r.repository().plans().get(0);
  }
}
