package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The templates' {@code grouped} filter writes counts as {@code %,d} does in English. */
class GroupedTest {
  @Test
  void groupsThousandsAsEnglishDoes() {
    long[] samples = {0, 7, 999, 1000, 1020, 15_844, 100_000, 1_234_567, -1, -999, -1020, -15_844};
    for (long n : samples) {
      assertEquals(String.format(Locale.ROOT, "%,d", n), Grouped.of(n), Long.toString(n));
    }
    assertEquals("9,223,372,036,854,775,807", Grouped.of(Long.MAX_VALUE));
  }
}
