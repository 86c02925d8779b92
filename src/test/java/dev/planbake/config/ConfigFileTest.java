package dev.planbake.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.planbake.TestSite;
import dev.planbake.diag.Fatal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void everyKeyIsReadIntoItsType() throws Exception {
    Settings s =
        load(
            """
            title: Harbor roadmap
            base_url: https://plans.example.com/
            plans:
              - content/plans
              - specs
            output: site
            theme: my-theme
            edit_url: https://github.com/acme/harbor/edit/main/
            ignore: drafts/**, *.tmp.md
            trust_html: true
            max_file_size: 2MB
            """);
    assertAll(
        () -> assertEquals("Harbor roadmap", s.title()),
        () -> assertEquals("https://plans.example.com/", s.baseUrl()),
        () -> assertEquals(List.of(dir.resolve("content/plans"), dir.resolve("specs")), s.plans()),
        () -> assertEquals(dir.resolve("site"), s.out()),
        () -> assertEquals(dir.resolve("my-theme"), s.theme()),
        () -> assertEquals("https://github.com/acme/harbor/edit/main/", s.editUrl()),
        () -> assertEquals(List.of("drafts/**", "*.tmp.md"), s.ignore()),
        () -> assertEquals(true, s.trustHtml()),
        () -> assertEquals(2L * 1024 * 1024, s.maxFileBytes()),
        () -> assertEquals(dir, s.base()));
  }

  @Test
  void keysNotGivenKeepTheirDefaults() throws Exception {
    Settings s = load("title: Only a title\n");
    Settings d = Settings.defaults();
    assertAll(
        () -> assertEquals("Only a title", s.title()),
        () -> assertEquals(d.plans(), s.plans()),
        () -> assertEquals(d.out(), s.out()),
        () -> assertEquals(d.maxFileBytes(), s.maxFileBytes()),
        () -> assertEquals(false, s.trustHtml()));
  }

  @Test
  void sizesTakeUnits() throws Exception {
    assertAll(
        () -> assertEquals(512L, load("max_file_size: 512\n").maxFileBytes()),
        () -> assertEquals(64L * 1024, load("max_file_size: 64kb\n").maxFileBytes()),
        () -> assertEquals(1024L * 1024 * 1024, load("max_file_size: 1 GB\n").maxFileBytes()));
  }

  @Test
  void anUnknownKeyIsAnErrorWithTheNearestKnownKey() {
    assertEquals(
        List.of(
            "planbake.yml:2: error: unknown key `titel` (did you mean `title`?)",
            "planbake.yml:3: error: unknown key `colour_scheme` (known keys: title, base_url,"
                + " plans, output, theme, edit_url, ignore, trust_html, max_file_size)"),
        problems("# settings\ntitel: Roadmap\ncolour_scheme: dark\n"));
  }

  @Test
  void valuesOfTheWrongTypeAreErrorsAllAtOnce() {
    assertEquals(
        List.of(
            "planbake.yml:1: error: `title` takes one value, not a list",
            "planbake.yml:4: error: `trust_html` must be true or false, not `yes`",
            "planbake.yml:5: error: `max_file_size` must be a size like 5MB, not `lots`"),
        problems("title:\n  - a\n  - b\ntrust_html: yes\nmax_file_size: lots\n"));
  }

  @Test
  void aBaseUrlMustBeAnAbsoluteWebAddress() throws Exception {
    assertEquals(
        List.of(
            "planbake.yml:2: error: `base_url` must be an absolute http(s) address such as"
                + " https://plans.example.com/, not `plans.example.com/roadmap`"),
        problems("title: Plans\nbase_url: plans.example.com/roadmap\n"));
    assertEquals(
        List.of(
            "planbake.yml:1: error: `edit_url` must be an absolute http(s) address such as"
                + " https://github.com/acme/plans/edit/main/, not `github.com/acme/plans/edit/main/`"),
        problems("edit_url: github.com/acme/plans/edit/main/\n"));
    assertEquals("https://x.org/a/", load("base_url: https://x.org/a/\n").baseUrl());
    assertEquals("", load("base_url: ''\n").baseUrl());
  }

  @Test
  void invalidYamlIsAnErrorAtItsLine() {
    assertEquals(
        List.of("planbake.yml:2: error: not valid YAML: mapping values are not allowed here"),
        problems("title: Plans\noutput: a: b\n"));
  }

  @Test
  void aDuplicateKeyIsAnErrorNotASilentOverride() {
    assertEquals(
        List.of("planbake.yml:3: error: not valid YAML: duplicate key `output`"),
        problems("output: public\ntitle: Plans\noutput: site\n"));
  }

  private Settings load(String yaml) throws IOException {
    Path file = dir.resolve(ConfigFile.NAME);
    Files.writeString(file, yaml);
    return ConfigFile.load(file, Settings.defaults());
  }

  private List<String> problems(String yaml) {
    Fatal e = assertThrows(Fatal.class, () -> load(yaml));
    return e.problems().stream().map(TestSite::line).toList();
  }
}
