package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page written piece by piece into bytes is the page's text encoded whole. */
class Utf8TextTest {
  private static final String[] PIECES = {
    "", "a", "<p>", " · ", "✓", "é", "\uD83D\uDE80", "\uD83D", "\uDE80", "&#10003;", "\n", "ÿ", "€"
  };

  @Test
  void piecesOfAnyTextGiveTheBytesOfTheWholeText() {
    Random random = new Random(7);
    char[] template = "<li class=\"x\">".toCharArray();
    char[] icon = "\u2713 ".toCharArray();
    Utf8Text out = new Utf8Text();
    for (int page = 0; page < 20_000; page++) {
      StringBuilder whole = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        String p = PIECES[random.nextInt(PIECES.length)];
        switch (random.nextInt(6)) {
          case 0 -> {
            out.write(template);
            whole.append(template);
          }
          case 1 -> {
            out.write(icon);
            whole.append(icon);
          }
          case 2 -> {
            out.write(p.toCharArray(), 0, p.length());
            whole.append(p);
          }
          case 3 -> {
            if (!p.isEmpty()) {
              out.write(p.charAt(0));
              whole.append(p.charAt(0));
            }
          }
          case 4 -> {
            out.write("[" + p + "]", 1, p.length());
            whole.append(p);
          }
          default -> {
            out.write(p);
            whole.append(p);
          }
        }
      }
      assertArrayEquals(
          whole.toString().getBytes(StandardCharsets.UTF_8), out.bytes(), whole.toString());
      out.reset();
    }
  }

  @Test
  void aPairSplitBetweenTwoPiecesIsOneCharacterAndAHalfAtTheEndIsReplaced() {
    Utf8Text out = new Utf8Text();
    out.write("a\uD83D");
    out.write("\uDE80b");
    out.write("\uD83D");
    assertArrayEquals("a\uD83D\uDE80b\uD83D".getBytes(StandardCharsets.UTF_8), out.bytes());
  }
}
