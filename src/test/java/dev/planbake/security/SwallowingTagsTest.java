package dev.planbake.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.Cli;
import dev.planbake.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tag in prose whose element an HTML parser reads as text up to its end tag ({@code <title>},
 * {@code <textarea>}, {@code <xmp>}, ...) is shown as written; it no longer turns the rest of the
 * page into escaped HTML (seen in Backlog.md's own tasks: "each task as task-&lt;id&gt; -
 * &lt;title&gt;").
 */
class SwallowingTagsTest {
  @Test
  void aTitleTagInProseIsShownAndTheRestOfThePageIsHtml(@TempDir Path tmp) throws IOException {
    TestSite site =
        TestSite.of(
            tmp,
            "a.md",
            """
            # Sequences view

            Show each task as task-<id> - <title> under its sequence.

            ## Acceptance

            - [x] Lines read **task-1 - Setup**
            - [ ] A <textarea> for notes
            """);
    Cli cli = Cli.run("build", "--plans", site.plans().toString(), "--out", site.out().toString());
    Document doc = Jsoup.parse(Files.readString(site.out().resolve("plans/a/index.html")));
    Element body = doc.selectFirst("main");
    assertNotNull(body, "the page has a main element");
    assertAll(
        () -> assertEquals(0, cli.exit(), cli.err()),
        () -> assertTrue(body.text().contains("<title> under its sequence"), body.text()),
        () -> assertTrue(body.text().contains("A <textarea> for notes"), body.text()),
        () -> assertNotNull(doc.selectFirst("h2#acceptance"), "the heading after it is a heading"),
        () -> assertNotNull(doc.selectFirst("strong:containsOwn(task-1 - Setup)"), "bold is bold"),
        () -> assertEquals(0, doc.select("main title, main textarea").size()));
  }
}
