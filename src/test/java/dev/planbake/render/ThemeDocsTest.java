package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/theme.md is what theme authors have instead of the Java code: every view's fields and every
 * template of the default theme are documented, and nothing that is not there.
 */
class ThemeDocsTest {
  private static final Path DOC = Path.of("docs", "theme.md");
  private static final Pattern VIEW = Pattern.compile("^#### `(\\w+)`$");
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.-]+)` \\|");

  @Test
  void everyViewIsDocumentedWithExactlyItsFields() throws IOException {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(DOC)) {
      Matcher view = VIEW.matcher(line);
      Matcher row = ROW.matcher(line);
      if (view.matches()) {
        current = new ArrayList<>();
        documented.put(view.group(1), current);
      } else if (current != null && row.find()) {
        current.add(row.group(1));
      }
    }
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (Class<?> c : View.class.getDeclaredClasses()) {
      if (c.isRecord()) {
        actual.put(c.getSimpleName(), Theme.names(c));
      }
    }
    assertEquals(new TreeSet<>(actual.keySet()), new TreeSet<>(documented.keySet()), "views");
    for (Map.Entry<String, List<String>> e : actual.entrySet()) {
      assertEquals(e.getValue(), documented.get(e.getKey()), e.getKey());
    }
  }

  @Test
  void everyTemplateOfTheDefaultThemeIsListed() throws IOException {
    String doc = Files.readString(DOC);
    TreeSet<String> templates = new TreeSet<>();
    try (Stream<Path> s = Files.list(Path.of("site-theme", "templates"))) {
      s.map(p -> p.getFileName().toString()).forEach(templates::add);
    }
    TreeSet<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([\\w-]+\\.peb)` \\|").matcher(doc);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(templates, listed);
  }
}
