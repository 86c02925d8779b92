package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.StatusFile;
import dev.planbake.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search/index.js}: what the search page queries, written at build time. */
class SearchIndexTest {
  @TempDir static Path tmp;
  static BuiltSite demo;

  @BeforeAll
  static void build() throws IOException {
    demo = BuiltSite.demo(tmp);
  }

  /** The entries of an index, by unit id. */
  static Map<String, Map<?, ?>> entries(Path out) throws IOException {
    String js = Files.readString(out.resolve("search/index.js"));
    assertTrue(js.startsWith("window.planbakeSearch={"), js.substring(0, 40));
    assertTrue(js.endsWith("};\n"));
    Map<?, ?> root = JSON.std.mapFrom(js.substring(js.indexOf('=') + 1, js.length() - 2));
    return ((List<?>) root.get("units"))
        .stream()
            .map(o -> (Map<?, ?>) o)
            .collect(
                Collectors.toMap(
                    e -> (String) e.get("i"), e -> e, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void everyUnitIsThereWithItsStatusProgressAndUrl() throws IOException {
    StatusFile status = StatusFile.read(demo.out().resolve("status.json"));
    Map<String, Map<?, ?>> index = entries(demo.out());
    List<String> expected = new ArrayList<>();
    for (StatusFile.Unit u : status.units()) {
      if (u.placeholder()) {
        continue;
      }
      expected.add(u.id());
      Map<?, ?> e = index.get(u.id());
      assertEquals(u.title(), e.get("t"), u.id());
      // The badge every page shows: where it stands (ready, blocked ...), not the status alone.
      assertEquals(u.standing(), e.get("s"), u.id());
      assertEquals(List.of(u.done(), u.total()), e.get("p"), u.id());
      assertEquals(u.source(), e.get("f"), u.id());
      String url = ((String) e.get("u")).replaceFirst("#.*", "");
      assertTrue(Files.exists(demo.out().resolve(url + "index.html")), url);
    }
    assertEquals(expected, new ArrayList<>(index.keySet()));
  }

  @Test
  void unitsOfAMultiUnitFileHaveTheirOwnHeadingsAndTasks() throws IOException {
    Map<String, Map<?, ?>> index = entries(demo.out());
    Map<?, ?> aging =
        index.values().stream()
            .filter(e -> "Accounts Receivable Aging Report".equals(e.get("t")))
            .findFirst()
            .orElseThrow();
    assertEquals("Unit 5.1", aging.get("l"));
    String headings = (String) aging.get("h");
    assertTrue(headings.contains("Purpose"), headings);
    assertFalse(headings.contains("Unit 5.2"), headings);
    assertFalse(aging.containsKey("b"), "prose of a multi-unit file is not split per unit");
    String tasks = (String) aging.get("k");
    assertTrue(tasks.contains(" · "), tasks);
  }

  @Test
  void headingsAndProseThatManyUnitsShareAreLeftOut(@TempDir Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      files.add("p" + i + ".md");
      files.add(
          "# Plan "
              + i
              + "\n\nBoilerplate shared wording here. Unique"
              + "zz"
              + (char) ('a' + i % 26)
              + i
              + " detail.\n\n## Definition of Done\n\n- [ ] task "
              + i
              + "\n\n## Special heading "
              + i
              + "\n");
    }
    TestSite site = TestSite.of(dir, files.toArray(String[]::new));
    site.build();
    Map<String, Map<?, ?>> index = entries(site.out());
    assertEquals(30, index.size());
    for (Map<?, ?> e : index.values()) {
      String h = (String) e.get("h");
      assertFalse(h.contains("Definition of Done"), h);
      assertTrue(h.startsWith("Special heading "), h);
      String b = (String) e.get("b");
      assertFalse(b.contains("Boilerplate"), b);
      assertTrue(b.startsWith("Uniquezz"), b);
    }
  }

  @Test
  void proseAfterTheFirstSixteenKilobytesOfADocumentIsStillFound(@TempDir Path dir)
      throws IOException {
    // Only the head of a document is inflated for its words; a scan that runs off the head
    // reads the whole document.
    StringBuilder table = new StringBuilder("| key | value |\n|---|---|\n");
    for (int i = 0; i < 600; i++) {
      table.append("| row").append(i).append(" | ").append("cell text ".repeat(4)).append("|\n");
    }
    assertTrue(table.length() > 20_000);
    TestSite site =
        TestSite.of(
            dir,
            "long.md",
            "# Long plan\n\n"
                + table
                + "\nFarawayword appears only after the table, in "
                + "the first paragraph.\n",
            "short.md",
            "# Short plan\n\nNearbyword in the first paragraph.\n");
    site.build();
    Map<String, Map<?, ?>> index = entries(site.out());
    String longWords = String.valueOf(index.get("long").get("b"));
    assertTrue(longWords.contains("Farawayword appears"), longWords);
    String shortWords = String.valueOf(index.get("short").get("b"));
    assertEquals("Nearbyword in the first paragraph.", shortWords);
  }

  @Test
  void proseIsKeptAsWrittenWithoutTheMetadataLinesAndCutNearItsLimit(@TempDir Path dir)
      throws IOException {
    String long1 = "Finance teams do **not** want every member to issue refunds & change bank";
    TestSite site =
        TestSite.of(
            dir,
            "roles.md",
            "# Roles and SSO\n\n**Status**: In progress\n**Owner**: Priya Raman\n\n## Purpose\n\n"
                + long1
                + " details, e.g. the IBAN. Until now every member could do everything.\n"
                + "Until now every member could do everything.\n\n"
                + "Second paragraph with `code` and a [link](https://example.com/). "
                + "More words here ".repeat(30)
                + "\n",
            "short.md",
            "# Short\n\nOne line (with \"quotes\") <em>and</em> punctuation!\n");
    site.build();
    Map<String, Map<?, ?>> index = entries(site.out());
    String b = (String) index.get("roles").get("b");
    // Case, punctuation and references as written; the metadata lines (shown elsewhere) and the
    // repeated sentence left out; cut at a word with an ellipsis.
    assertTrue(
        b.startsWith(
            "Finance teams do not want every member to issue refunds & change bank details, e.g."
                + " the IBAN. Until now every member could do everything. Second paragraph with"
                + " code and a link."),
        b);
    assertFalse(b.contains("Priya"), b);
    assertTrue(b.endsWith("\u2026"), b);
    assertTrue(b.length() <= 321, b.length() + ": " + b);
    assertEquals("One line (with \"quotes\") and punctuation!", index.get("short").get("b"));
  }

  @Test
  void theSearchLibraryIsCopiedFromItsWebJar() throws IOException {
    byte[] fuse;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/resources/webjars/fuse.js/7.1.0/dist/fuse.min.js")) {
      fuse = in.readAllBytes();
    }
    assertArrayEquals(fuse, Files.readAllBytes(demo.out().resolve("assets/fuse.min.js")));
    String page = Files.readString(demo.out().resolve("search/index.html"));
    assertTrue(page.contains("<script src=\"../search/index.js\" defer></script>"), page);
    assertTrue(page.contains("<script src=\"../assets/fuse.min.js\" defer></script>"), page);
    assertTrue(page.contains("<noscript>"), page);
  }
}
