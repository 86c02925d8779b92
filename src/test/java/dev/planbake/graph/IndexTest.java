package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.model.UnitId;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Index#namesAsIn} notices a change in any table that resolution reads, since a memoised
 * build replays unchanged plans only while it says nothing changed. (Edits to plan files change
 * several tables at once; here each changes alone.)
 */
class IndexTest {
  private final Plan a = plan("units/a.md", "# Unit 1.0: A (#48)\n");
  private final Plan b = plan("units/b.md", "# Unit 2.0: B\n");

  @Test
  void theSameNamesForTheSamePlansAreTheSame() {
    assertTrue(index(x -> {}).namesAsIn(index(x -> {})));
  }

  @Test
  void aChangeInAnyTableIsNoticed() {
    Index before = index(x -> {});
    Index.Entry first = before.entries.get(0);
    assertAll(
        () -> assertFalse(index(x -> x.bySlug.put("b", first)).namesAsIn(before), "slug"),
        () -> assertFalse(index(x -> x.byAlias.remove("#48")).namesAsIn(before), "alias"),
        () -> assertFalse(index(x -> x.byPath.put("units/b.md", a)).namesAsIn(before), "path"),
        () -> assertFalse(index(x -> x.byFileName.remove("b.md")).namesAsIn(before), "file name"),
        () -> assertFalse(index(x -> x.entries.remove(1)).namesAsIn(before), "ids"),
        () ->
            assertFalse(
                index(x -> x.entries.set(1, new Index.Entry(UnitId.global("2.1"), b, null)))
                    .namesAsIn(before),
                "an id"));
  }

  /** An index of plans a and b, as the graph makes it, then changed by {@code change}. */
  private Index index(Consumer<Index> change) {
    Index index = new Index();
    for (Plan p : List.of(a, b)) {
      Index.Entry e =
          new Index.Entry(UnitId.global(p.units().get(0).localId()), p, p.units().get(0));
      index.add(e);
      for (String alias : e.part().aliases()) {
        index.addAlias(alias, e);
      }
      index.addPlan(p, e);
    }
    change.accept(index);
    return index;
  }

  private static Plan plan(String path, String text) {
    return PlanParser.parse(
        new PlanSource(Path.of("plans"), "", List.of(new PlanSource.File(path, text))),
        new Diagnostics());
  }
}
