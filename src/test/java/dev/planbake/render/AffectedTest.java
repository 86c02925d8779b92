package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planbake.TestSite;
import dev.planbake.model.Repository;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which units a rebuild treats as changed. */
class AffectedTest {
  @TempDir Path tmp;

  private static final String PLANS =
      """
      === a.md ===
      # Unit 1.0: A

      - [ ] one
      === b.md ===
      # Unit 2.0: B

      Depends on: Unit 1.0
      === c.md ===
      # Unit 3.0: C
      """;

  @Test
  void theUnitsOfAPlanWhoseFilesChangedCountEvenWhenTheyReadTheSame() {
    // Serve's rehearsals parse a plan again unchanged: its units must count as changed so that
    // the rehearsal renders what an edit renders (its lists, graph page and neighbours).
    TestSite site = TestSite.of(tmp, PLANS);
    Repository before = site.check().repository();
    Repository after = site.check().repository();
    Affected none = new Affected(before, byId(before), after, byId(after), Set.of());
    Affected a = new Affected(before, byId(before), after, byId(after), Set.of("a"));
    assertEquals(Set.of(), none.within(0));
    assertEquals(Set.of("1.0"), ids(a.within(0)));
    assertEquals(Set.of("1.0", "2.0"), ids(a.within(1)));
  }

  private static Map<UnitId, Unit> byId(Repository r) {
    Map<UnitId, Unit> m = new HashMap<>();
    r.units().forEach(u -> m.put(u.id(), u));
    return m;
  }

  private static Set<String> ids(Set<UnitId> ids) {
    Set<String> out = new TreeSet<>();
    ids.forEach(id -> out.add(id.toString()));
    return out;
  }
}
