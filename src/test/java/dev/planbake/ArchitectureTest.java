package dev.planbake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the picture of STYLE.md: the pipeline's arrows (a stage never imports a later one) and the
 * "only place that uses" column (each third-party engine behind one stage); and one property of how
 * the main classes are compiled that start-up depends on.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.planbake";

  /**
   * The stages in pipeline order; each may import only itself and the stages before it. serve and
   * watch (the dev loop) sit after site, beside each other; cli drives all of them.
   */
  private static final List<List<String>> STAGES =
      List.of(
          List.of("diag"),
          List.of("model"),
          List.of("config"),
          List.of("scan", "history"),
          List.of("parse"),
          List.of("graph"),
          List.of("render"),
          List.of("write"),
          List.of("site"),
          List.of("serve", "watch"),
          List.of("cli"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    // Guards against an empty import, which would make every rule hold vacuously.
    assertTrue(classes.contain("dev.planbake.parse.PlanParser"), "main classes imported");
  }

  @TestFactory
  Stream<DynamicTest> noStageImportsALaterOne() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < STAGES.size(); i++) {
      List<String> later = new ArrayList<>();
      for (int j = i + 1; j < STAGES.size(); j++) {
        STAGES.get(j).forEach(p -> later.add(ROOT + "." + p + ".."));
      }
      if (later.isEmpty()) {
        continue;
      }
      for (String stage : STAGES.get(i)) {
        ArchRule rule =
            noClasses()
                .that()
                .resideInAPackage(ROOT + "." + stage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(later.toArray(String[]::new))
                .allowEmptyShould(true)
                .because("data flows one way: " + stage + " may not use a later stage");
        tests.add(DynamicTest.dynamicTest(stage, () -> rule.check(classes)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyClassSitsInAStage() {
    List<String> stages = new ArrayList<>();
    STAGES.forEach(s -> s.forEach(p -> stages.add(ROOT + "." + p + "..")));
    noClasses()
        .should()
        .resideOutsideOfPackages(stages.toArray(String[]::new))
        .because("a class outside the pipeline's packages escapes these rules")
        .check(classes);
  }

  @TestFactory
  Stream<DynamicTest> eachEngineIsUsedByOneStageOnly() {
    return Stream.of(
            only("org.commonmark..", "parse"),
            only("io.pebbletemplates..", "render"),
            only("org.jsoup..", "render"),
            only("picocli..", "cli"),
            only("org.eclipse.elk..", "graph"),
            only("org.eclipse.jgit..", "history"),
            only("org.snakeyaml..", "config"),
            only("com.fasterxml.jackson..", "render"))
        .map(r -> DynamicTest.dynamicTest(r.description, () -> r.rule.check(classes)));
  }

  /**
   * The pom compiles string concatenation to StringBuilder calls ({@code -XDstringConcat=inline}):
   * with invokedynamic, each {@code a + b}'s first run builds a chain of method handles in the
   * interpreter, which a one-shot build pays for at every concatenation it meets
   * (docs/benchmarks.md).
   */
  @Test
  void noClassConcatenatesStringsThroughInvokedynamic() throws IOException {
    Path compiled = Path.of("target", "classes", "dev", "planbake");
    List<String> offenders = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(compiled)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        seen++;
        // The bootstrap method's name sits in the constant pool as plain ASCII.
        if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
            .contains("makeConcatWithConstants")) {
          offenders.add(compiled.relativize(f).toString());
        }
      }
    }
    assertTrue(seen > 100, "the compiled classes were found: " + seen);
    assertEquals(List.of(), offenders);
  }

  private record Named(String description, ArchRule rule) {}

  private static Named only(String library, String stage) {
    return new Named(
        library + " only in " + stage,
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + "." + stage + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(library)
            .because("each engine sits behind one class of the " + stage + " stage"));
  }
}
