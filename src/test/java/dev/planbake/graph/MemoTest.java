package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Edge;
import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A build with a kept session's memo gives exactly what a fresh build gives, after edits that
 * change what names mean elsewhere as after edits that do not; and after the latter it resolves
 * only the edited plan again.
 */
class MemoTest {
  /** The plans by path, as a kept session holds them: a plan not written again is the same. */
  private final Map<String, Plan> plans = new TreeMap<>();

  private final Graph.Memo memo = new Graph.Memo();
  private Repository lastRepository;
  private List<String> lastProblems = List.of();

  @Test
  void aCheckboxEditResolvesOnlyTheEditedPlanAgain() {
    write("a.md", "# Unit 1.0: A\n\n- [ ] one\n\nRelated: Unit 2.0\n");
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 1.0\n\n- [ ] two, as Unit 3.0 does\n");
    write("c.md", "# Unit 3.0: C\n\nDepends on: Unit 2.0 and Unit 9.9\n\nBlocks: Unit 4.0\n");
    write("d.md", "# Multi\n\n## Unit 1.1: D1\n\n## Unit 1.2: D2\n\nDepends on: Unit 1.1\n");
    Repository first = rebuild();
    assertEquals(5, memo.resolved, "the first build resolves every unit");
    write("a.md", "# Unit 1.0: A\n\n- [x] one\n\nRelated: Unit 2.0\n");
    Repository edited = rebuild();
    assertAll(
        () -> assertEquals(1, memo.resolved, "only the edited plan"),
        () -> assertEquals(4, memo.replayed),
        () -> assertEquals(first.edges(), edited.edges()),
        () -> assertEquals(List.of(UnitId.global("2.0")), unit(edited, "3.0").mentionedBy()),
        () ->
            assertEquals(
                List.of("2.0 -> 1.0", "3.0 -> 2.0", "4.0 -> 3.0", "d#1.2 -> d#1.1"), arrows()));
  }

  @Test
  void tickingABoxThatMovesNoStatusTakesTheLastGraphWithTheNewBoxes() {
    // A dangling reference, a cycle and a declared status the boxes contradict: each kind of
    // problem, which must come out as a fresh build reports them, in its order (rebuild checks).
    write("a.md", "# Unit 1.0: A\n\nDepends on: Unit 2.0, Unit 8.8\n\n- [x] one\n- [ ] two\n");
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 1.0\n\n- [ ] x\n");
    write("c.md", "# Unit 3.0: C\n\n**Status:** Done\n\n- [ ] three\n- [ ] four\n");
    write("d.md", "# Multi\n\n## Unit 3.0: D1\n\n- [ ] d\n\n## Unit 3.1: D2\n\n- [ ] e\n");
    rebuild();
    assertEquals(false, memo.reticked);
    write(
        "a.md",
        "# Unit 1.0: A\n\nDepends on: Unit 2.0, Unit 8.8\n\n- [x] one\n- [x] two\n- [ ] new\n");
    write("c.md", "# Unit 3.0: C\n\n**Status:** Done\n\n- [x] three\n- [ ] four\n");
    write("d.md", "# Multi\n\n## Unit 3.0: D1\n\n- [ ] d\n\n## Unit 3.1: D2\n\n- [ ] e\n- [ ] f\n");
    Repository r = rebuild();
    assertAll(
        () -> assertEquals(true, memo.reticked, "only boxes changed"),
        () -> assertEquals(new Progress(2, 3), unit(r, "1.0").progress()),
        () -> assertEquals(new Progress(1, 2), unit(r, "3.0").progress()),
        () -> assertEquals(new Progress(0, 2), unit(r, "d#3.1").progress()),
        () ->
            assertEquals(
                List.of(
                    "a.md:3: error: dangling reference: Unit 8.8 does not exist"
                        + " (nearest: Unit 1.0, Unit 2.0, Unit 3.0)",
                    "a.md:3: error: dependency cycle: 1.0 -> 2.0 -> 1.0 (edges at a.md:3, b.md:3)"
                        + " (remove one of these dependencies)",
                    "c.md:3: warning: 3.0 is declared done (status field) but 1 of 2 tasks is"
                        + " unticked (tick the finished boxes or change the status)"),
                problems()));
    // The first box of a unit ticked moves its status (planned to in progress): a build runs.
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 1.0\n\n- [x] x\n");
    rebuild();
    assertEquals(false, memo.reticked, "a status moved");
    write(
        "a.md",
        "# Unit 1.0: A2\n\nDepends on: Unit 2.0, Unit 8.8\n\n- [x] one\n- [x] two\n- [ ] new\n");
    rebuild();
    assertEquals(false, memo.reticked, "a title changed");
    write(
        "d.md",
        "# Multi\n\n## Unit 3.0: D1\n\n- [ ] d\n\n## Unit 3.1: D2\n\n- [ ] e\n- [ ] f\n\nDepends on: Unit 1.0\n");
    rebuild();
    assertEquals(false, memo.reticked, "a reference was added");
    write(
        "d.md",
        "# Multi\n\n## Unit 3.0: D1\n\n- [ ] d\n\n## Unit 3.1: D2\n\n- [ ] e\n- [ ] f\n\nDepends on: Unit 1.0\n- [ ] g\n");
    Repository last = rebuild();
    assertAll(
        () -> assertEquals(true, memo.reticked, "a box added after a build that was not"),
        () ->
            assertEquals(
                List.of("2.0 -> 1.0", "1.0 -> 2.0", "d#3.1 -> 1.0").size(), arrows().size()),
        () -> assertEquals(new Progress(0, 3), unit(last, "d#3.1").progress()));
  }

  @Test
  void renamingAUnitIdOthersReferToLeavesTheirReferencesDangling() {
    write("a.md", "# Unit 1.0: A\n");
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 1.0\n");
    write("c.md", "# Unit 3.0: C\n\nDepends on: [A](a.md)\n");
    rebuild();
    write("a.md", "# Unit 1.5: A\n");
    rebuild();
    assertAll(
        () -> assertEquals(3, memo.resolved, "names changed: everything is resolved again"),
        () -> assertEquals(List.of("3.0 -> 1.5"), arrows()),
        () ->
            assertEquals(
                List.of(
                    "b.md:3: error: dangling reference: Unit 1.0 does not exist"
                        + " (nearest: Unit 1.5, Unit 2.0, Unit 3.0)"),
                problems()));
    write("a.md", "# Unit 1.0: A\n");
    rebuild();
    assertEquals(
        List.of("2.0 -> 1.0", "3.0 -> 1.0"), arrows(), "and resolve again once it is back");
  }

  @Test
  void renamingALaterUnitOfAMultiUnitFileLeavesABareReferenceToItDangling() {
    // Only the ids differ: the file's first unit, its slug and its path stay as they were.
    write("d.md", "# Multi\n\n## Unit 1.1: D1\n\n## Unit 1.2: D2\n");
    write("e.md", "# Unit 2.0: E\n\nDepends on: Unit 1.2\n");
    rebuild();
    assertEquals(List.of("2.0 -> d#1.2"), arrows());
    write("d.md", "# Multi\n\n## Unit 1.1: D1\n\n## Unit 1.3: D2\n");
    rebuild();
    assertAll(
        () -> assertEquals(List.of(), arrows()),
        () ->
            assertEquals(
                List.of(
                    "e.md:3: error: dangling reference: Unit 1.2 does not exist"
                        + " (nearest: Unit 1.1, Unit 1.3, Unit 2.0)"),
                problems()));
  }

  @Test
  void renamingAnAliasOthersReferToMovesTheirEdges() {
    // Only the alias table differs: ids, slugs and paths all stay as they were.
    write("a.md", "# Rate limits (#48)\n");
    write("b.md", "# Quotas (#49)\n");
    write("c.md", "# Webhooks\n\nDepends on: #48\n");
    rebuild();
    assertEquals(List.of("c -> a"), arrows());
    write("a.md", "# Rate limits (#50)\n");
    write("b.md", "# Quotas (#48)\n");
    rebuild();
    assertEquals(List.of("c -> b"), arrows());
  }

  @Test
  void anEditThatAddsADuplicateIdRenamesTheOtherUnit() {
    write("a.md", "# Unit 4.0: First\n");
    write("b.md", "# Unit 5.0: Second\n");
    write("c.md", "# Unit 6.0: Third\n\nDepends on: Unit 5.0 and [the second](b.md)\n");
    rebuild();
    assertEquals(List.of("6.0 -> 5.0"), arrows());
    write("a.md", "# Unit 5.0: First\n");
    rebuild();
    assertAll(
        () -> assertEquals(List.of("6.0 -> 5.0", "6.0 -> b#5.0"), arrows()),
        () ->
            assertEquals(
                List.of(
                    "a.md:1: error: duplicate unit id 5.0 (also b.md:1)",
                    "b.md:1: error: duplicate unit id 5.0 (also a.md:1)"
                        + " (renumber one of them; this one is shown as b#5.0)"),
                problems()));
  }

  @Test
  void aNewPlanThatSharesAFileNameLeavesAReferenceByThatNameDangling() {
    write("ops/deploy.md", "# Deploy\n");
    write("units/release.md", "# Release\n\n## Dependencies\n\n- `deploy.md`\n");
    rebuild();
    assertEquals(List.of("release -> deploy"), arrows());
    write("infra/deploy.md", "# Deploy the infrastructure\n");
    rebuild();
    assertAll(
        () -> assertEquals(List.of(), arrows()),
        () ->
            assertEquals(
                List.of(
                    "units/release.md:5: error: dangling reference: deploy.md does not exist"
                        + " (nearest: deploy)"),
                problems()));
  }

  @Test
  void anEditThatClosesACycleIsReportedAsAFreshBuildReportsIt() {
    write("a.md", "# Unit 1.0: A\n\nDepends on: Unit 2.0\n");
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 3.0\n");
    write("c.md", "# Unit 3.0: C\n");
    rebuild();
    write("c.md", "# Unit 3.0: C\n\nDepends on: Unit 1.0\n");
    Repository r = rebuild();
    assertAll(
        () -> assertEquals(1, memo.resolved, "only the edited plan"),
        () -> assertEquals(1, r.cycles().size()),
        () ->
            assertEquals(
                List.of(
                    "a.md:3: error: dependency cycle: 1.0 -> 2.0 -> 3.0 -> 1.0"
                        + " (edges at a.md:3, b.md:3, c.md:3) (remove one of these dependencies)"),
                problems()));
  }

  @Test
  void aRemovedPlanLeavesNothingOfItsLinks() {
    write("a.md", "# Unit 1.0: A\n");
    write("b.md", "# Unit 2.0: B\n\nDepends on: Unit 1.0\n\nBlocks: Unit 7.0\n");
    rebuild();
    plans.remove("b.md");
    Repository r = rebuild();
    assertAll(
        () -> assertEquals(List.of(), r.edges()),
        () -> assertTrue(r.units().stream().noneMatch(u -> u.placeholder())));
  }

  // ---- a kept session, in miniature

  private void write(String path, String text) {
    PlanSource source =
        new PlanSource(Path.of("plans"), "", List.of(new PlanSource.File(path, text)));
    plans.put(path, PlanParser.parse(source, new Diagnostics(Integer.MAX_VALUE)));
  }

  /**
   * Builds the plans with the memo and without, asserts that both give the same repository and the
   * same problems in the same order, and returns the memoised build.
   */
  private Repository rebuild() {
    List<Plan> list = PlanParser.uniqueSlugs(new ArrayList<>(plans.values()));
    Diagnostics memoised = new Diagnostics(Integer.MAX_VALUE);
    Repository withMemo = Graph.build(list, memoised, memo);
    Diagnostics fresh = new Diagnostics(Integer.MAX_VALUE);
    Repository expected = Graph.build(list, fresh);
    assertEquals(expected, withMemo, "the repository of a fresh build");
    assertEquals(fresh.inOrder(), memoised.inOrder(), "the problems of a fresh build");
    assertEquals(fresh.errors(), memoised.errors());
    assertEquals(fresh.warnings(), memoised.warnings());
    lastRepository = withMemo;
    lastProblems = memoised.sorted().stream().map(MemoTest::line).toList();
    return withMemo;
  }

  private static Unit unit(Repository r, String id) {
    return r.units().stream().filter(u -> u.id().toString().equals(id)).findFirst().orElseThrow();
  }

  private List<String> arrows() {
    return lastRepository.edges().stream().map(MemoTest::arrow).toList();
  }

  private List<String> problems() {
    return lastProblems;
  }

  private static String arrow(Edge e) {
    return e.from() + (e.kind() == Direction.RELATED ? " -- " : " -> ") + e.to();
  }

  private static String line(Diagnostic d) {
    String text =
        d.position().source()
            + ":"
            + d.position().line()
            + ": "
            + d.severity().label()
            + ": "
            + d.message();
    return d.hint().isEmpty() ? text : text + " (" + d.hint() + ")";
  }
}
