package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a unit is blocked (issue 26 item 2): the unfinished units it waits on and its author's own
 * reason, the same on its plan page, in the Blocked list, on the dashboard and in status.json.
 */
class WhyBlockedTest {
  @TempDir Path tmp;
  private TestSite site;

  @BeforeEach
  void build() {
    site =
        TestSite.of(
            tmp,
            """
            === field.md ===
            ---
            status: blocked
            blocked_reason: waiting for the payment provider's review
            ---
            # Field

            - [ ] one
            === line.md ===
            # Line

            **Status**: Blocked — waiting on legal

            - [ ] one
            === section.md ===
            # Section

            ## Status

            Blocked since 2026-05-14: the vendor has not answered.

            ## Tasks

            - [x] one
            - [x] two
            - [ ] three
            === silent.md ===
            # Silent

            **Status**: 🚧 Blocked
            **Blocked by**: 3.1

            - [ ] one
            === started.md ===
            # Unit 1.0: Started

            - [x] one
            - [ ] two
            === waits.md ===
            # Waits

            **Depends on**: Unit 1.0

            - [ ] one
            """);
    site.build();
  }

  private Document page(String path) {
    return site.page(path);
  }

  @Test
  void statusJsonGivesTheAuthorsReasonAndTheUnitsItWaitsOn() throws IOException {
    Map<String, Map<?, ?>> units = new HashMap<>();
    Map<?, ?> root = JSON.std.mapFrom(Files.readString(site.out().resolve("status.json")));
    for (Object o : (List<?>) root.get("units")) {
      Map<?, ?> u = (Map<?, ?>) o;
      units.put((String) u.get("id"), u);
    }
    assertAll(
        () ->
            assertEquals(
                "waiting for the payment provider's review",
                units.get("field").get("blocked_reason")),
        () -> assertEquals("waiting on legal", units.get("line").get("blocked_reason")),
        () ->
            assertEquals(
                "Blocked since 2026-05-14: the vendor has not answered.",
                units.get("section").get("blocked_reason")),
        () -> assertEquals("", units.get("silent").get("blocked_reason")),
        () -> assertEquals("blocked", units.get("waits").get("standing")),
        () -> assertEquals(List.of("1.0"), units.get("waits").get("waiting_on")),
        () -> assertEquals("", units.get("waits").get("blocked_reason")),
        () -> assertEquals("", units.get("1.0").get("blocked_reason")));
  }

  @Test
  void thePlanPageSaysWhatItWaitsOnOrWhyAndCallsNoTickedBoxesAContradiction() throws IOException {
    assertEquals(
        "■ Blocked: declared blocked by its author: waiting on legal.",
        page("plans/line/index.html").select(".notice-blocked").text());
    assertEquals(
        "■ Blocked: declared blocked by its author, with no reason written.",
        page("plans/silent/index.html").select(".notice-blocked").text());
    assertEquals(
        "■ Blocked: waiting on Unit 1.0 Started.",
        page("plans/waits/index.html").select(".notice-blocked").text());
    // Declared blocked with 2 of 3 boxes ticked: blocked work can be partly done.
    Document section = page("plans/section/index.html");
    assertEquals(
        "■ Blocked: declared blocked by its author: Blocked since 2026-05-14: the vendor has not"
            + " answered..",
        section.select(".notice-blocked").text());
    assertEquals(
        1, section.select(".plan-main > .notice").size(), section.select(".notice").text());
  }

  @Test
  void theBlockedListAndTheDashboardShowTheReasonOrTheUnitsItWaitsOn() throws IOException {
    Map<String, String> why = new HashMap<>();
    for (Element tr : page("status/blocked/index.html").select("tbody tr")) {
      why.put(tr.child(0).text(), tr.child(3).text());
    }
    assertEquals(
        Map.of(
            "Field", "waiting for the payment provider's review",
            "Line", "waiting on legal",
            "Section", "Blocked since 2026-05-14: the vendor has not answered.",
            "Silent", "declared blocked, no reason written",
            "Waits", "waits on Unit 1.0 Started"),
        why);
    Element card = page("index.html").getElementById("pb-blocked").parent();
    String text = card.text();
    assertTrue(text.contains("Line waiting on legal"), text);
    assertTrue(text.contains("Waits waits on Unit 1.0 Started"), text);
  }
}
