package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans built to hurt: nesting that would overflow a recursive parser, and sizes that would show a
 * quadratic loop. Work is bounded by counting steps ({@link ParseSteps}), never by timing.
 */
class HostileInputTest {
  /** The JVM's default thread stack; the product parses on larger ones, so this is a margin. */
  private static final long SMALL_STACK = 1024 * 1024;

  private static final int DEPTH = 20_000;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "indented-list",
        "same-line-list",
        "ordered-same-line",
        "quotes",
        "spaced-quotes",
        "quote-list-mix",
        "brackets",
        "emphasis",
        "html-divs",
        "links-in-links",
        "backticks",
        "headings-in-quotes"
      })
  void deepNestingParsesOnAnOrdinaryStack(String shape) throws Exception {
    String body = "# Deep\n\n" + deep(shape, DEPTH) + "\n\n- [ ] after\n";
    Result r = parseOnSmallStack(body);
    assertAll(
        () -> assertEquals(null, r.error(), () -> shape + ": " + r.error()),
        () -> assertTrue(r.plan() != null, shape));
  }

  @Test
  void tasksCostLinearWork() {
    IntFunction<String> plan =
        n -> {
          StringBuilder sb = new StringBuilder("---\ntitle: Big\n---\n# Big\n\n## Tasks\n\n");
          for (int i = 0; i < n; i++) {
            sb.append(i % 2 == 0 ? "- [x] task " : "- [ ] task ").append(i).append('\n');
          }
          return sb.toString();
        };
    parse(plan.apply(1000)); // warm up
    long small =
        steps(
            () ->
                assertEquals(
                    25_000, parse(plan.apply(25_000)).units().get(0).content().progress().total()));
    long big =
        steps(
            () ->
                assertEquals(
                    50_000, parse(plan.apply(50_000)).units().get(0).content().progress().total()));
    assertTrue(big <= 2.1 * small, "25,000 tasks: " + small + " steps, 50,000: " + big);
    assertTrue(big <= 10L * 50_000, "50,000 tasks took " + big + " steps");
  }

  /** The nesting of each shape, {@code depth} levels. */
  static String deep(String shape, int depth) {
    return switch (shape) {
      case "indented-list" -> {
        StringBuilder sb = new StringBuilder();
        // Indentation grows with the square of the depth: 3,000 levels are 9 M spaces already.
        for (int i = 0; i < Math.min(depth, 3000); i++) {
          sb.append("  ".repeat(i)).append("- [ ] level ").append(i).append('\n');
        }
        yield sb.toString();
      }
      case "same-line-list" -> "- ".repeat(depth) + "x";
      case "ordered-same-line" -> "1. ".repeat(depth) + "x";
      case "quotes" -> ">".repeat(depth) + " x";
      case "spaced-quotes" -> "> ".repeat(depth) + "x";
      case "quote-list-mix" -> "> - ".repeat(depth / 2) + "x";
      case "brackets" -> "[".repeat(depth) + "x" + "](y)".repeat(depth);
      case "emphasis" -> "*_".repeat(depth) + "x" + "_*".repeat(depth);
      case "html-divs" -> "<div>".repeat(depth) + "x" + "</div>".repeat(depth);
      case "links-in-links" -> "[a".repeat(depth) + "](b)".repeat(depth);
      case "backticks" -> "`".repeat(depth) + "x" + "`".repeat(depth - 1);
      case "headings-in-quotes" -> "> # h\n".repeat(depth);
      default -> throw new IllegalArgumentException(shape);
    };
  }

  record Result(Plan plan, Throwable error) {}

  static Result parseOnSmallStack(String body) throws InterruptedException {
    AtomicReference<Result> out = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                out.set(new Result(parse(body), null));
              } catch (Throwable e) {
                out.set(new Result(null, e));
              }
            },
            "small-stack",
            SMALL_STACK);
    t.start();
    t.join();
    return out.get();
  }

  static Plan parse(String body) {
    Diagnostics d = new Diagnostics(Integer.MAX_VALUE);
    Plan p =
        PlanParser.parse(
            new PlanSource(Path.of("plans"), "", List.of(new PlanSource.File("big.md", body))), d);
    List<Diagnostic> internal =
        d.sorted().stream().filter(x -> x.message().contains("internal")).toList();
    assertEquals(List.of(), internal);
    return p;
  }

  private static long steps(Runnable r) {
    long before = ParseSteps.count();
    r.run();
    return ParseSteps.count() - before;
  }
}
