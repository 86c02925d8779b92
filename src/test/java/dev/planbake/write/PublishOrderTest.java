package dev.planbake.write;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.render.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one output publish in the order they started, whichever finishes last: a build left
 * running with an older view of the plans (the relaunched JVM of a killed {@code java -jar}, a slow
 * CI job) never swaps its site over a newer one (issue 24 item 5).
 */
class PublishOrderTest {
  @TempDir Path tmp;

  @Test
  void anOlderBuildFinishingLastDoesNotReplaceTheNewerSite() throws IOException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    try (Output.Writer older = output.open();
        Output.Writer newer = output.open()) {
      older.write(Page.text("index.html", "<p>stale</p>"));
      newer.write(Page.text("index.html", "<p>fresh</p>"));
      newer.commit();
      Output.Superseded e = assertThrows(Output.Superseded.class, older::commit);
      assertTrue(e.getMessage().contains("started after this one"), e.getMessage());
    }
    assertAll(
        () -> assertEquals("<p>fresh</p>", Files.readString(out.resolve("index.html"))),
        () -> assertEquals(List.of(".public.lock", "public"), beside(tmp)),
        () -> assertEquals("<p>next</p>", build(output, out, "<p>next</p>")));
  }

  @Test
  void buildsThatFinishInTheOrderTheyStartedEachPublish() throws IOException {
    Path out = tmp.resolve("public");
    Output output = new Output(out, List.of(tmp.resolve("plans")));
    try (Output.Writer first = output.open();
        Output.Writer second = output.open()) {
      first.write(Page.text("index.html", "<p>1</p>"));
      first.commit();
      assertEquals("<p>1</p>", Files.readString(out.resolve("index.html")));
      second.write(Page.text("index.html", "<p>2</p>"));
      second.commit();
    }
    assertEquals("<p>2</p>", Files.readString(out.resolve("index.html")));
  }

  @Test
  void aSiteFromBeforeNumberedBuildsIsReplaced() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("public"));
    Files.writeString(out.resolve(Output.MARKER), "This folder was written by planbake.\n");
    Files.writeString(tmp.resolve(".public.lock"), "not a number");
    assertEquals("<p>new</p>", build(new Output(out, List.of()), out, "<p>new</p>"));
  }

  private static String build(Output output, Path out, String index) throws IOException {
    output.write(List.of(Page.text("index.html", index)));
    return Files.readString(out.resolve("index.html"));
  }

  private static List<String> beside(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
