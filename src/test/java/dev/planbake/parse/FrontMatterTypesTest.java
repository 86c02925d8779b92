package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.site.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front matter of a shape its key cannot use is warned about at its line instead of dropped
 * silently (issue 24 item 7).
 */
class FrontMatterTypesTest {
  @Test
  void valuesOfTheWrongShapeAreWarnedAboutAtTheirLine(@TempDir Path tmp) {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            """
            ---
            title: [a, b]
            status: 42
            depends_on: {a: b}
            created: 2026-13-45
            updated: 2026-02-28
            owner:
              name: Ada
            tags: [fine]
            ---
            # A

            - [ ] x
            """);
    Site.Result r = site.check();
    assertEquals(
        List.of(
            "a.md:2: warning: `title` takes one value, not a list; ignored (write it as `title:"
                + " one value`)",
            "a.md:3: warning: `status: 42` is not a status; ignored (use a status word such as"
                + " draft, in progress, blocked or done)",
            "a.md:4: warning: `depends_on` takes a list, not `key: value` lines; ignored (write it"
                + " as `depends_on: [first, second]`)",
            "a.md:5: warning: `created: 2026-13-45` is not a real date (write the day as"
                + " YYYY-MM-DD)",
            "a.md:7: warning: `owner` takes one value, not `key: value` lines; ignored (write it"
                + " as `owner: one value`)"),
        TestSite.lines(r));
  }
}
