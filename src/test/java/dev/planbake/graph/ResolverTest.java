package dev.planbake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResolverTest {
  @Test
  void normalizeResolvesDotsAndRefusesToLeaveTheFolder() {
    assertEquals("units/unit-1.md", Resolver.normalize("units/./unit-1.md"));
    assertEquals("unit-1.md", Resolver.normalize("units/../unit-1.md"));
    assertEquals("specs/001-x/", Resolver.normalize("specs//001-x/"));
    assertEquals("a/b.md", Resolver.normalize("a/b.md"));
    assertNull(Resolver.normalize("../outside.md"));
    assertNull(Resolver.normalize("a/../../outside.md"));
  }

  @Test
  void theFastPathGivesWhatSplittingAndJoiningGives() {
    String[] parts = {"a", "b.md", ".", "..", "", "...", ".x", "x.", "001-y"};
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder path = new StringBuilder();
      int segments = random.nextInt(5);
      for (int i = 0; i < segments; i++) {
        if (i > 0 || random.nextInt(4) == 0) {
          path.append('/');
        }
        path.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextInt(4) == 0) {
        path.append('/');
      }
      String p = path.toString();
      assertEquals(Resolver.bySplitting(p), Resolver.normalize(p), p);
    }
  }
}
