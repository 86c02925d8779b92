package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The drawing's own number formatting writes what {@code String.format} in Locale.ROOT writes. */
class BurnupSvgTest {
  private static String tenths(double v) {
    StringBuilder b = new StringBuilder();
    BurnupSvg.tenths(b, v);
    return b.toString();
  }

  @Test
  void tenthsAsTheFormatterWritesThemHalvesAndOddValuesIncluded() {
    double[] odd = {
      0,
      -0.0,
      0.04,
      0.05,
      0.15,
      0.25,
      0.35,
      1.05,
      2.675,
      9.95,
      99.95,
      719.95,
      720,
      48.25,
      -0.01,
      -3.25,
      1e9,
      1e12,
      123456.789,
      Double.MIN_VALUE,
      0.049999999999999996,
      5e-324
    };
    for (double v : odd) {
      assertEquals(String.format(Locale.ROOT, "%.1f", v), tenths(v), "value " + v);
    }
    Random random = new Random(30);
    for (int i = 0; i < 200_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> random.nextDouble() * 720;
            case 1 -> random.nextInt(72_000) / 100.0;
            case 2 -> 14 + 220 * (1 - random.nextInt(500) / (double) (1 + random.nextInt(500)));
            default -> 48 + 656.0 * random.nextInt(400) / (1 + random.nextInt(400));
          };
      assertEquals(String.format(Locale.ROOT, "%.1f", v), tenths(v), "value " + v);
    }
  }

  @Test
  void patternsWithIntegersAndTenths() {
    Object[] args = {48, 12.25, 704, 3.04999};
    String p = "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>";
    assertEquals(String.format(Locale.ROOT, p, args), BurnupSvg.fmt(p, args));
  }
}
