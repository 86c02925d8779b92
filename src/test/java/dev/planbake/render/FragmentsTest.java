package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rows kept between renders of {@code serve}: keyed exactly, and never kept by a one-shot build.
 */
class FragmentsTest {
  private record Cell(String a, String b) {}

  private record Row(Cell cell, List<String> items, int n, boolean flag) {}

  private static String key(Object view) {
    StringBuilder sb = new StringBuilder();
    Fragments.encode(view, sb);
    return sb.toString();
  }

  @Test
  void equalViewsShareAKeyAndViewsThatDifferAnywhereDoNot() {
    Row row = new Row(new Cell("ab", "c"), List.of("x", "y"), 1, true);
    assertEquals(key(row), key(new Row(new Cell("ab", "c"), List.of("x", "y"), 1, true)));
    // Where one string ends and the next begins is part of the key, as are list bounds.
    assertNotEquals(key(row), key(new Row(new Cell("a", "bc"), List.of("x", "y"), 1, true)));
    assertNotEquals(key(row), key(new Row(new Cell("ab", "c"), List.of("xy"), 1, true)));
    assertNotEquals(key(row), key(new Row(new Cell("ab", "c"), List.of("x", "y"), 11, true)));
    assertNotEquals(key(row), key(new Row(new Cell("ab", "c"), List.of("x", "y"), 1, false)));
    assertNotEquals(key(row), key(new Row(null, List.of("x", "y"), 1, true)));
    // A text that spells out another row's key is still just a text.
    Cell tricky = new Cell("\"1:a", "");
    assertNotEquals(key(new Cell("", "a")), key(tricky));
  }

  @Test
  void onlyRecordViewsAreKeys() {
    assertThrows(IllegalArgumentException.class, () -> key(new Object()));
  }

  @Test
  void aServingThemeRendersARowOnceAndAOneShotBuildEveryTime() {
    Fragments f = new Fragments();
    AtomicInteger renders = new AtomicInteger();
    java.util.function.Function<Object, Object> render = k -> "row " + renders.incrementAndGet();
    f.keep(true);
    io.pebbletemplates.pebble.cache.CacheKey k =
        new io.pebbletemplates.pebble.cache.CacheKey(
            new io.pebbletemplates.pebble.node.CacheNode(1, null, null),
            "k",
            java.util.Locale.ROOT);
    assertEquals("row 1", f.computeIfAbsent(k, render));
    assertEquals("row 1", f.computeIfAbsent(k, render));
    f.keep(false);
    assertEquals("row 2", f.computeIfAbsent(k, render));
    assertEquals("row 3", f.computeIfAbsent(k, render));
  }
}
