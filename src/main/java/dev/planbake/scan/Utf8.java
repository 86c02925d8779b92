package dev.planbake.scan;

import dev.planbake.diag.Diagnostic;
import dev.planbake.diag.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A file's bytes as text: UTF-8, a byte order mark dropped, the first invalid byte reported. */
final class Utf8 {
  private Utf8() {}

  /** UTF-8 with replacement characters; the first invalid byte is reported with its line. */
  static Read decode(byte[] bytes, String source, Position at) {
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
}
