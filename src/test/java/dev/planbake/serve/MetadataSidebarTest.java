package dev.planbake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import dev.planbake.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's metadata in its page's sidebar, as real plans write it (long keys, long values): no word
 * of a value is broken across lines, on a desktop screen or a phone. Only a token longer than the
 * whole column (a long path or URL) may break inside.
 */
class MetadataSidebarTest {
  @TempDir Path tmp;

  /** The words of the sidebar's values that are drawn on more than one line. */
  static final String BROKEN_WORDS =
      """
      () => {
        const broken = [];
        for (const dd of document.querySelectorAll('.fields dd')) {
          const width = dd.getBoundingClientRect().width;
          const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
          let n;
          while ((n = walker.nextNode())) {
            const re = /\\S+/g;
            let m;
            while ((m = re.exec(n.data))) {
              const r = document.createRange();
              r.setStart(n, m.index);
              r.setEnd(n, m.index + m[0].length);
              const rects = [...r.getClientRects()];
              const wide = rects.reduce((w, x) => w + x.width, 0);
              const lines = new Set(rects.map(x => Math.round(x.top))).size;
              if (lines > 1 && wide <= width) {
                broken.push(m[0]);
              }
            }
          }
        }
        return broken.join(' | ');
      }
      """;

  @Test
  void noWordOfAMetadataValueIsBrokenInTheSidebar() throws Exception {
    TestSite site =
        TestSite.of(
            tmp,
            """
            === tugplan-rename.md ===
            # Rename the store prefix

            **Implementation Dependencies**: authentication infrastructure, notification subsystem
            **Owner**: Ken Kocienda
            **Target branch**: feature/rename-store-prefix

            ### Plan Metadata

            | Field | Value |
            |------|-------|
            | Status | complete (2026-04-27) |
            | Last updated | 2026-04-21 |
            | Predecessor | the vocabulary pane rename (complete — Deck → Pane → Card landed) |

            - [x] rename the prefix
            """);
    try (Browser browser = new Browser();
        Server server = BrowserTest.serve(site.plans())) {
      String url = "http://127.0.0.1:" + server.port() + "/plans/tugplan-rename/";
      for (int width : List.of(1280, 1024, 360)) {
        Page page = browser.page(false, width, 900, width < 600);
        page.navigate(url);
        assertEquals("", page.evaluate(BROKEN_WORDS), "words broken at " + width + " px");
      }
      assertEquals(List.of(), browser.closePages());
    }
  }
}
