package dev.planbake.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A document's rendered HTML as UTF-8, kept deflated when the site is large. The HTML is the
 * largest part of the model (about 40% of it) and is read once, when the plan's page is rendered;
 * deflated it takes a fifth of the space, which is what lets 100,000 plans build in a 2 GB heap.
 * Deflating costs about as much CPU as parsing the Markdown does, so a site whose HTML fits easily
 * in the heap keeps it as it is ({@link #worthPacking}). Equal when the HTML is equal.
 */
public final class Html {
  /** The UTF-8, deflated when {@link #packed} is set. */
  private final byte[] data;

  private final boolean packed;
  private final int length;

  /** The hash of the UTF-8, worked out when first asked for (0 until then). */
  private int hash;

  private Html(byte[] data, boolean packed, int length) {
    this.data = data;
    this.packed = packed;
    this.length = length;
  }

  /** HTML kept deflated. */
  public static Html of(String html) {
    return of(html, true);
  }

  /** HTML kept deflated or as it is. */
  public static Html of(String html, boolean pack) {
    byte[] raw = html.getBytes(StandardCharsets.UTF_8);
    if (!pack) {
      return new Html(raw, false, raw.length);
    }
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      d.setInput(raw);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 16);
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return new Html(out.toByteArray(), true, raw.length);
    } finally {
      d.end();
    }
  }

  /**
   * Whether a site whose Markdown sources hold {@code sourceChars} characters should keep its HTML
   * deflated in a heap of {@code maxHeap} bytes: when its HTML (about one and a half times the
   * Markdown) would take more than an eighth of the heap. 10,000 generated plans (35 MB of
   * Markdown) keep theirs as it is in any heap from 512 MB; 100,000 plans in a 2 GB heap deflate.
   */
  public static boolean worthPacking(long sourceChars, long maxHeap) {
    return sourceChars * 3 / 2 > maxHeap / 8;
  }

  /** The HTML, inflated afresh on every call if it is kept deflated. */
  public String text() {
    return head(length);
  }

  /**
   * The first {@code maxBytes} bytes of the HTML's UTF-8 (all of it if shorter), cut before a
   * character that does not fit whole; {@link #length()} tells whether that is all of it.
   */
  public String head(int maxBytes) {
    int want = Math.min(length, Math.max(0, maxBytes));
    if (!packed) {
      return new String(data, 0, whole(data, want), StandardCharsets.UTF_8);
    }
    Inflater in = new Inflater(true);
    try {
      in.setInput(data);
      byte[] raw = new byte[want];
      int n = 0;
      while (n < want) {
        int got = in.inflate(raw, n, want - n);
        if (got == 0 && (in.finished() || in.needsInput())) {
          break;
        }
        n += got;
      }
      return new String(raw, 0, whole(raw, n), StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt HTML in the model", e);
    } finally {
      in.end();
    }
  }

  /**
   * How many of the first {@code n} bytes of some UTF-8 hold whole characters: a character cut at
   * {@code n} is left out.
   */
  private int whole(byte[] utf8, int n) {
    if (n >= length) {
      return n;
    }
    int start = n;
    while (start > 0 && (utf8[start - 1] & 0xC0) == 0x80) {
      start--;
    }
    if (start > 0) {
      int lead = utf8[start - 1] & 0xff;
      int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (n - (start - 1) < size) {
        return start - 1;
      }
    }
    return n;
  }

  /** Bytes of the HTML's UTF-8. */
  public int length() {
    return length;
  }

  /** Bytes held, for tests. */
  int packedSize() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    // Deflating is deterministic: the same HTML kept the same way gives the same bytes.
    return o instanceof Html h
        && h.length == length
        && (h.packed == packed ? Arrays.equals(h.data, data) : h.text().equals(text()));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(packed ? text().getBytes(StandardCharsets.UTF_8) : data);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return text();
  }
}
