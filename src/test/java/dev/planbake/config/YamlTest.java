package dev.planbake.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTest {

  @Test
  void readsTopLevelKeysWithTheirLines() throws Yaml.Problem {
    List<Yaml.Entry> entries =
        Yaml.readMapping(
            """
            title: Roadmap
            # a comment
            plans:
              - content/plans
              - specs
            tags: auth, sessions
            owner:
              name: Ada
            """);
    assertEquals(
        List.of(
            new Yaml.Entry("title", 1, "Roadmap", List.of(), false),
            new Yaml.Entry("plans", 3, "", List.of("content/plans", "specs"), true),
            new Yaml.Entry("tags", 6, "auth, sessions", List.of(), false),
            new Yaml.Entry("owner", 7, "", List.of(), false, true)),
        entries);
  }

  @Test
  void aScalarListsItsCommaSeparatedValues() throws Yaml.Problem {
    Yaml.Entry tags = Yaml.readMapping("tags: auth, , sessions \n").get(0);
    assertEquals(List.of("auth", "sessions"), tags.values());
  }

  @Test
  void anEmptyTextHasNoEntries() throws Yaml.Problem {
    assertEquals(List.of(), Yaml.readMapping(""));
  }

  @Test
  void anAliasBombIsRefused() {
    String bomb =
        """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        """;
    Yaml.Problem p = assertThrows(Yaml.Problem.class, () -> Yaml.readMapping(bomb));
    assertEquals(
        "Number of aliases for non-scalar nodes exceeds the specified max=20", p.getMessage());
  }

  @Test
  void aDuplicateKeyIsAProblemAtItsLine() {
    Yaml.Problem p =
        assertThrows(
            Yaml.Problem.class, () -> Yaml.readMapping("title: A\nowner: Ada\ntitle: B\n"));
    assertAll(
        () -> assertEquals(3, p.line()),
        () -> assertEquals("duplicate key `title`", p.getMessage()));
  }

  @Test
  void aListAtTheTopIsNotAMapping() {
    Yaml.Problem p = assertThrows(Yaml.Problem.class, () -> Yaml.readMapping("- a\n- b\n"));
    assertAll(
        () -> assertEquals(1, p.line()),
        () -> assertEquals("expected `key: value` lines, found a list", p.getMessage()));
  }

  @Test
  void anOversizedDocumentIsRefused() {
    String huge = "text: \"" + "x".repeat(1 << 20) + "\"\n";
    Yaml.Problem p = assertThrows(Yaml.Problem.class, () -> Yaml.readMapping(huge));
    assertEquals(1, p.line());
  }
}
