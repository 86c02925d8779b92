package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.model.Status;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A version read through its template (its boxes unticked, read once) must say exactly what the
 * reader says of that version read in full: checked over every real plan in ../shared/corpus with
 * its boxes ticked and unticked at random.
 */
class ChangesReaderTest {
  private static final Path ROOT = Path.of("plans-root");
  private static final Pattern BOX =
      Pattern.compile("^([ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[)[ xX](\\])", Pattern.MULTILINE);

  private static ChangesReader.Read full(String source, String text) {
    return ChangesReader.of(parse(source, text));
  }

  private static Plan parse(String source, String text) {
    return PlanParser.parse(
        new PlanSource(ROOT, "", List.of(new PlanSource.File(source, text))),
        new Diagnostics(),
        false);
  }

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("..", "shared", "corpus"))) {
      return s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  /** {@code text} with each list item's box ticked or not at random. */
  private static String shuffled(String text, Random random) {
    Matcher m = BOX.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String mark = random.nextInt(3) == 0 ? " " : random.nextBoolean() ? "x" : "X";
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + mark + m.group(2)));
    }
    return m.appendTail(b).toString();
  }

  @Test
  void everyRealPlanWithItsBoxesTickedAtRandomReadsAsInFull() throws IOException {
    List<Path> files = corpus();
    assertTrue(files.size() > 100, "the real corpora are there: " + files.size());
    Random random = new Random(28);
    ChangesReader reader = new ChangesReader(ROOT);
    int versions = 0;
    List<String> wrong = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String source = f.getFileName().toString();
      for (int k = 0; k < 4; k++) {
        String version = k == 0 ? text : shuffled(text, random);
        versions++;
        if (!reader.read(source, version).equals(full(source, version))) {
          wrong.add(f + " version " + k);
        }
      }
    }
    assertEquals(List.of(), wrong);
    // Most versions came from a template: far fewer texts were read in full than versions.
    assertTrue(reader.parsed() < versions * 2 / 3, reader.parsed() + " of " + versions);
  }

  /**
   * The build reads each file at HEAD, ticked as it is there; that reading, offered, stands for the
   * file's other versions (those that differ from it only in ticks) as the template read from the
   * unticked text would: checked over every real plan, HEAD and the other versions ticked at
   * random.
   */
  @Test
  void theBuildsReadingOfOneVersionStandsForItsOtherVersionsAsTheyReadInFull() throws IOException {
    List<Path> files = corpus();
    Random random = new Random(30);
    ChangesReader reader = new ChangesReader(ROOT);
    List<String> wrong = new ArrayList<>();
    int offered = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String source = f.getFileName().toString();
      String head = shuffled(text, random);
      reader.offer(source, head, parse(source, head));
      offered++;
      for (int k = 0; k < 4; k++) {
        String version = k == 0 ? head : k == 1 ? text : shuffled(text, random);
        if (!reader.read(source, version).equals(full(source, version))) {
          wrong.add(f + " version " + k);
        }
      }
    }
    assertEquals(List.of(), wrong);
    // Offered readings stood for nearly every other version: few texts were read at all.
    assertTrue(reader.parsed() < offered / 10, reader.parsed() + " read, " + offered + " offered");
  }

  @Test
  void anOfferedReadingWhoseTasksAreNotOnBoxLinesIsNoTemplate() {
    ChangesReader reader = new ChangesReader(ROOT);
    String v = "# Links\n\n- [x] one\n- [ ] two\n\n[x]: https://example.com\n";
    reader.offer("links.md", v, parse("links.md", v));
    assertEquals(full("links.md", v), reader.read("links.md", v));
    assertEquals(0, reader.parsed(), "the offered reading stands for its own text");
    String other = v.replace("[ ] two", "[x] two");
    assertEquals(full("links.md", other), reader.read("links.md", other));
    assertEquals(1, reader.parsed(), "another version is read in full");
  }

  /** Unticking by hand gives what the pattern it stands for gives, line ends of every kind too. */
  @Test
  void blankUnticksWhatThePatternWould() throws IOException {
    Pattern ticked =
        Pattern.compile("^([ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[)[xX](\\])", Pattern.MULTILINE);
    List<String> texts = new ArrayList<>();
    texts.add(
        "- [x] a\r\n* [X] b\r+ [x] c\u0085 \t1. [x] d\u20282) [X] e\u2029123456789. [x] f\n"
            + "1234567890. [x] ten digits\n-[x] no space\n- [x]\n- [x\n  - \t [x] deep\n"
            + "> - [x] quoted\n- [ ] open\n-  [y] other\n0. [x] zero\n- [x]");
    texts.add("");
    texts.add("- [");
    for (Path f : corpus()) {
      texts.add(shuffled(Files.readString(f, StandardCharsets.UTF_8), new Random(f.hashCode())));
    }
    for (String t : texts) {
      assertEquals(ticked.matcher(t).replaceAll("$1 $2"), ChangesReader.blank(t), t);
    }
  }

  @Test
  void aUnitFinishedByTicksAndCountsPerUnitFromTheTemplate() {
    ChangesReader reader = new ChangesReader(ROOT);
    String plan =
        "# Billing\n\n## Unit 1.1: Invoices\n\n- [%s] draft\n- [%s] send\n\n"
            + "## Unit 1.2: Refunds\n\n**Status:** Blocked\n\n1. [%s] refund\n\n"
            + "> - [x] quoted, no task\n\n```\n- [ ] code, no task\n```\n";
    String[] marks = {" x ", "xx ", "xXx", "   "};
    for (String m : marks) {
      String v = String.format(plan, m.charAt(0), m.charAt(1), m.charAt(2));
      assertEquals(full("units.md", v), reader.read("units.md", v), v);
    }
    assertEquals(1, reader.parsed(), "one template stood for the four versions");
    ChangesReader.State invoices =
        reader.read("units.md", String.format(plan, 'x', 'x', ' ')).units().get("1.1");
    assertEquals(new ChangesReader.State("Invoices", Status.DONE, 2, 2), invoices);
  }

  @Test
  void aBoxThatALinkDefinitionCouldTakeIsReadInFull() {
    ChangesReader reader = new ChangesReader(ROOT);
    String v = "# Links\n\n- [x] one\n- [ ] two\n\n[x]: https://example.com\n";
    assertEquals(full("links.md", v), reader.read("links.md", v));
    assertEquals(1, reader.parsed());
    String cr = "# Old Mac\r\r- [x] one\r- [ ] two\r";
    assertEquals(full("mac.md", cr), reader.read("mac.md", cr));
    assertEquals(2, reader.parsed(), "lone carriage returns: read in full, no template");
  }
}
