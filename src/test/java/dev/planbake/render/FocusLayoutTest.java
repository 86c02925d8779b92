package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.planbake.TestSite;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Focus views' numbering of units: its sides, and keeping it over an edit under serve. */
class FocusLayoutTest {
  @TempDir Path tmp;

  private static final String CHAIN =
      """
      === a.md ===
      # Unit 1.0: A

      - [ ] one
      === b.md ===
      # Unit 2.0: B

      Depends on: Unit 1.0
      === c.md ===
      # Unit 3.0: C

      Depends on: Unit 2.0, Unit 1.0
      """;

  @Test
  void sidesAreColumnsByLongestChainInIdOrder() {
    Map<UnitId, Unit> units = byId(TestSite.of(tmp, CHAIN).check().repository());
    FocusLayout.Index index = new FocusLayout.Index(units);
    FocusLayout.Sides c = index.sides(units.get(UnitId.global("3.0")));
    // 3.0 waits on 2.0 (one step) and on 1.0, drawn two steps away as the chain 1.0 -> 2.0 is.
    assertEquals(2, c.up().length);
    assertEquals("2.0", c.unit(c.up()[0][0]).id().toString());
    assertEquals("1.0", c.unit(c.up()[1][0]).id().toString());
    assertEquals(0, c.downCount());
    FocusLayout.Sides a = index.sides(units.get(UnitId.global("1.0")));
    assertEquals(2, a.downCount());
    assertEquals(0, a.upCount());
  }

  @Test
  void anEditThatKeepsEveryDependencyKeepsTheNumbersWithTheNewUnits() {
    TestSite site = TestSite.of(tmp, CHAIN);
    Map<UnitId, Unit> before = byId(site.check().repository());
    FocusLayout.Index index = new FocusLayout.Index(before);
    site.write("a.md", "# Unit 1.0: A renamed\n\n- [x] one\n");
    Map<UnitId, Unit> after = byId(site.check().repository());
    FocusLayout.Index kept = index.with(after);
    assertNotNull(kept);
    Unit b = after.get(UnitId.global("2.0"));
    FocusLayout.Sides sides = kept.sides(b);
    // The sides name the units of the edit, not those the index was made with.
    assertSame(after.get(UnitId.global("1.0")), sides.unit(sides.up()[0][0]));
    assertArrayEquals(
        new FocusLayout.Index(after).sides(b).down()[0], kept.sides(b).down()[0], "same numbers");
  }

  @Test
  void anEditThatChangesADependencyNumbersAgain() {
    TestSite site = TestSite.of(tmp, CHAIN);
    FocusLayout.Index index = new FocusLayout.Index(byId(site.check().repository()));
    site.write("c.md", "# Unit 3.0: C\n\nDepends on: Unit 2.0\n");
    assertNull(index.with(byId(site.check().repository())));
    site.write("d.md", "# Unit 4.0: D\n");
    assertNull(index.with(byId(site.check().repository())), "a unit more");
  }

  private static Map<UnitId, Unit> byId(Repository r) {
    Map<UnitId, Unit> m = new HashMap<>();
    r.units().forEach(u -> m.put(u.id(), u));
    return m;
  }
}
