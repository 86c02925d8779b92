package dev.planbake.scan;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A file's bytes as text: UTF-8, a byte order mark dropped, the first invalid byte reported. A file
 * in UTF-16 (as some Windows editors save) is read as UTF-16: with a byte order mark it says what
 * it is; without one, every other byte of its Latin text is zero, which is reported, since read as
 * UTF-8 it would be text without a single task.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * How many bytes at the start are looked at for the zeros of UTF-16 without a byte order mark.
   */
  private static final int SNIFF = 1024;

  /** UTF-8 with replacement characters; the first invalid byte is reported with its line. */
  static Read decode(byte[] bytes, String source, Position at) {
    Charset utf16 = utf16(bytes);
    if (utf16 != null) {
      return utf16(bytes, utf16, source, at);
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    // The JDK's own decoding is the fast one; it replaces what is invalid with U+FFFD, so text
    // without one was valid, and only text with one is decoded again to find the first bad byte.
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return new Read(new PlanSource.File(source, text), null);
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    int firstBad = -1;
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      if (r.isError()) {
        if (firstBad < 0) {
          firstBad = in.position();
        }
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      } else {
        // Overflow cannot happen: UTF-8 never yields more chars than bytes.
        break;
      }
    }
    dec.flush(out);
    out.flip();
    PlanSource.File file = new PlanSource.File(source, out.toString());
    if (firstBad < 0) {
      return new Read(file, null);
    }
    int line = 1;
    for (int i = start; i < firstBad; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return new Read(
        file,
        Diagnostic.warning(
                at.atLine(line),
                String.format(
                    Locale.ROOT,
                    "invalid UTF-8 (byte 0x%02X); shown as \uFFFD",
                    bytes[firstBad] & 0xff))
            .withHint("save the file as UTF-8"));
  }

  /**
   * UTF-16 with a byte order mark, or without one if most of the first bytes at odd (little-endian)
   * or even (big-endian) places are zero and hardly any at the others; else null. UTF-8 text holds
   * no zero bytes at all.
   */
  private static Charset utf16(byte[] bytes) {
    if (bytes.length < 4) {
      return null;
    }
    int b0 = bytes[0] & 0xff;
    int b1 = bytes[1] & 0xff;
    if (b0 == 0xFF && b1 == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    // Latin text in UTF-16 has a zero among its first two characters; nearly every file has none
    // and is not looked at further.
    if (b0 != 0 && b1 != 0 && bytes[2] != 0 && bytes[3] != 0) {
      return null;
    }
    int n = Math.min(bytes.length, SNIFF) & ~1;
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += bytes[i] == 0 ? 1 : 0;
      oddZeros += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddZeros * 5 >= pairs * 2 && evenZeros * 20 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros * 5 >= pairs * 2 && oddZeros * 20 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static Read utf16(byte[] bytes, Charset cs, String source, Position at) {
    int b0 = bytes[0] & 0xff;
    int b1 = bytes[1] & 0xff;
    boolean bom = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
    String text = new String(bytes, bom ? 2 : 0, bytes.length - (bom ? 2 : 0), cs);
    PlanSource.File file = new PlanSource.File(source, text);
    if (bom) {
      return new Read(file, null);
    }
    String name = cs == StandardCharsets.UTF_16LE ? "UTF-16LE" : "UTF-16BE";
    return new Read(
        file,
        Diagnostic.warning(
                at.atLine(1),
                "file looks like "
                    + name
                    + " without a byte order mark (every other byte is"
                    + " zero); read as "
                    + name)
            .withHint("save the file as UTF-8"));
  }
}
