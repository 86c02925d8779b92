package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aDrawingWrittenAsWithAStringBuilderIsThatBuildersTextEncoded() {
    Random random = new Random(11);
    int[] numbers = {
      0, 7, -3, 10, 99, 100, 12345, -2_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE
    };
    String[] ascii = {"", "<rect x=\"", "\" y=\"", "</a>\n", "M"};
    Utf8Text out = new Utf8Text();
    // Whole characters only: half a pair already encoded can not meet its other half.
    String[] pieces =
        java.util.Arrays.stream(PIECES)
            .filter(p -> p.length() != 1 || !Character.isSurrogate(p.charAt(0)))
            .toArray(String[]::new);
    for (int drawing = 0; drawing < 5_000; drawing++) {
      StringBuilder whole = new StringBuilder();
      for (int k = random.nextInt(16); k >= 0; k--) {
        String p = pieces[random.nextInt(pieces.length)];
        switch (random.nextInt(6)) {
          case 0 -> {
            int n = numbers[random.nextInt(numbers.length)];
            out.append(n);
            whole.append(n);
          }
          case 1 -> {
            String a = ascii[random.nextInt(ascii.length)];
            out.ascii(a);
            whole.append(a);
          }
          case 2 -> {
            if (!p.isEmpty()) {
              out.append(p.charAt(0));
              whole.append(p.charAt(0));
            }
          }
          case 3 -> {
            out.append(p.getBytes(StandardCharsets.UTF_8));
            whole.append(p);
          }
          case 4 -> {
            Utf8Html h = new Utf8Html(("<g>" + p + "</g>").getBytes(StandardCharsets.UTF_8));
            out.write((Object) h);
            whole.append("<g>").append(p).append("</g>");
          }
          default -> {
            out.append(p);
            whole.append(p);
          }
        }
      }
      assertArrayEquals(
          whole.toString().getBytes(StandardCharsets.UTF_8), out.bytes(), whole.toString());
      out.clear();
    }
  }

  @Test
  void markupMadeAsBytesReachesThePageAsItsBytesThroughRaw(@TempDir Path theme) throws IOException {
    Files.createDirectories(theme.resolve("templates"));
    Files.writeString(
        theme.resolve("templates/bytes.peb"),
        "[{{ svg | raw }}][{% include \"inner\" with {\"x\": svg} %}][{{ svg }}][{{ text | raw }}]");
    Files.writeString(theme.resolve("templates/inner.peb"), "{{ x | raw }}");
    // Not UTF-8 at all: were the markup made a string and encoded again, the byte would become
    // the three of a replacement character.
    byte[] odd = {'<', 'b', '>', (byte) 0xFF, '<', '/', 'b', '>'};
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("svg", new Utf8Html(odd));
    ctx.put("text", "<i>é</i>");
    Page page = new Theme(theme).page("x.html", "bytes", ctx);
    String marks = "<b>\u00ff</b>";
    byte[] want =
        ("[" + marks + "][" + marks + "][" + marks + "][<i>é</i>]")
            .getBytes(StandardCharsets.ISO_8859_1);
    // The é of the string is encoded as UTF-8 (two bytes).
    byte[] got = page.bytes();
    assertEquals(
        new String(want, StandardCharsets.ISO_8859_1).replace("é", "\u00c3\u00a9"),
        new String(got, StandardCharsets.ISO_8859_1));
  }
}
