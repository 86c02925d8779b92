package dev.planbake.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A document's rendered HTML, kept deflated. The HTML is the largest part of the model (about 40%
 * of it) and is read once, when the plan's page is rendered; deflated it takes a fifth of the
 * space, which is what lets 100,000 plans build in a 2 GB heap. Equal when the HTML is equal.
 */
public final class Html {
  private final byte[] packed;
  private final int length;
  private final int hash;

  private Html(byte[] packed, int length) {
    this.packed = packed;
    this.length = length;
    this.hash = Arrays.hashCode(packed);
  }

  public static Html of(String html) {
    byte[] raw = html.getBytes(StandardCharsets.UTF_8);
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      d.setInput(raw);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 16);
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return new Html(out.toByteArray(), raw.length);
    } finally {
      d.end();
    }
  }

  /** The HTML, inflated afresh on every call. */
  public String text() {
    return head(length);
  }

  /**
   * The first {@code maxBytes} bytes of the HTML's UTF-8 (all of it if shorter), cut before a
   * character that does not fit whole; {@link #length()} tells whether that is all of it.
   */
  public String head(int maxBytes) {
    int want = Math.min(length, Math.max(0, maxBytes));
    Inflater in = new Inflater(true);
    try {
      in.setInput(packed);
      byte[] raw = new byte[want];
      int n = 0;
      while (n < want) {
        int got = in.inflate(raw, n, want - n);
        if (got == 0 && (in.finished() || in.needsInput())) {
          break;
        }
        n += got;
      }
      if (n < length) {
        // Do not cut a character in two: back up to the start of the last one if it is split.
        int start = n;
        while (start > 0 && (raw[start - 1] & 0xC0) == 0x80) {
          start--;
        }
        if (start > 0) {
          int lead = raw[start - 1] & 0xff;
          int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
          if (n - (start - 1) < size) {
            n = start - 1;
          }
        }
      }
      return new String(raw, 0, n, StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt HTML in the model", e);
    } finally {
      in.end();
    }
  }

  /** Bytes of the HTML's UTF-8. */
  public int length() {
    return length;
  }

  /** Bytes held, for tests. */
  int packedSize() {
    return packed.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Html h
        && h.length == length
        && h.hash == hash
        && Arrays.equals(h.packed, packed);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return text();
  }
}
