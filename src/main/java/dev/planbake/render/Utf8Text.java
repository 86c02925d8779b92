package dev.planbake.render;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import io.pebbletemplates.pebble.utils.StringUtils;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A page being written straight into UTF-8 bytes, the bytes {@code String.getBytes(UTF_8)} gives
 * for the whole page. Writing into a {@link StringBuilder} and encoding it afterwards went over
 * every character of every page three more times: the builder turns to two bytes a character at the
 * first character beyond Latin-1 (a status icon) and copies every later piece over char by char,
 * {@code toString} copies it and tries to make it one byte a character again, and the encoder goes
 * over it once more (every page's title holds a "·", which UTF-8 writes in two bytes). Here each
 * piece is encoded as it comes, and text of the templates once per thread. Markup made in Java as
 * bytes ({@link Utf8Html}) is taken as it is; drawings are made in one of these too ({@link
 * #append(CharSequence)} and the like, as with a {@link StringBuilder}).
 */
final class Utf8Text extends java.io.Writer implements SpecializedWriter {
  /** Above this a buffer is not kept for the next page (a search page, a long list). */
  private static final int KEPT = 1 << 20;

  private byte[] buf = new byte[32768];
  private int size;

  /**
   * A high surrogate that ended the last piece: written with the next piece, so that a pair split
   * between two pieces is encoded as the one character it is.
   */
  private String pending = "";

  /**
   * The template text Pebble writes as the {@code char[]} of each text node, which it never
   * changes, by identity: encoded once per thread instead of once per page.
   */
  private final Map<char[], byte[]> templateText = new IdentityHashMap<>();

  boolean busy;

  /** The page's bytes; the writer is then ready for the next page. */
  byte[] bytes() {
    flushPending();
    return Arrays.copyOf(buf, size);
  }

  /** A lone high surrogate at the end of the text is written as {@code getBytes} writes it. */
  private void flushPending() {
    if (!pending.isEmpty()) {
      append0(pending.getBytes(StandardCharsets.UTF_8));
      pending = "";
    }
  }

  /** Empties the text to write another; a text made with {@link #ascii} and the like. */
  void clear() {
    reset();
  }

  /**
   * Text of a drawing, as {@link StringBuilder#append(String)} takes it: ASCII (the markup)
   * straight into the buffer, anything beyond encoded.
   */
  @Override
  public Utf8Text append(CharSequence text) {
    String s = text.toString();
    int n = s.length();
    int need = size + n;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
    byte[] b = buf;
    int at = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || !pending.isEmpty()) {
        size = at;
        write(s.substring(i));
        return this;
      }
      b[at++] = (byte) c;
    }
    size = at;
    return this;
  }

  /**
   * Text known to be ASCII, as the markup a drawing is made of: copied a byte a character, without
   * looking at it (a character beyond ASCII would be written wrong).
   */
  @SuppressWarnings("deprecation") // the copy of each character's low byte is what is wanted
  Utf8Text ascii(String text) {
    flushPending();
    int n = text.length();
    int need = size + n;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
    text.getBytes(0, n, buf, size);
    size = need;
    return this;
  }

  @Override
  public Utf8Text append(char c) {
    if (c >= 0x80 || !pending.isEmpty()) {
      write(String.valueOf(c));
      return this;
    }
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = (byte) c;
    return this;
  }

  /** A whole number in decimal, as {@link StringBuilder#append(int)} writes it. */
  Utf8Text append(int v) {
    flushPending();
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        return append(Integer.toString(v));
      }
      append('-');
      v = -v;
    }
    int digits = 1;
    for (int p = 10; digits < 10 && v >= p; p *= 10) {
      digits++;
    }
    int need = size + digits;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
    for (int i = need - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size = need;
    return this;
  }

  /** Text already encoded. */
  Utf8Text append(byte[] encoded) {
    flushPending();
    append0(encoded);
    return this;
  }

  /** What was written so far. */
  Utf8Text append(Utf8Html html) {
    return append(html.bytes());
  }

  /** What was written so far, as markup a page takes as it is. */
  Utf8Html html() {
    return new Utf8Html(bytes());
  }

  void reset() {
    busy = false;
    pending = "";
    size = 0;
    if (buf.length > KEPT) {
      buf = new byte[32768];
    }
  }

  private void append0(byte[] b) {
    int need = size + b.length;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
    System.arraycopy(b, 0, buf, size, b.length);
    size = need;
  }

  @Override
  public void write(String s) {
    if (s.isEmpty()) {
      return;
    }
    if (!pending.isEmpty()) {
      s = pending + s;
      pending = "";
    }
    if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
      pending = s.substring(s.length() - 1);
      s = s.substring(0, s.length() - 1);
    }
    append0(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(String s, int off, int len) {
    write(s.substring(off, off + len));
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] text) {
    int n = text.length;
    if (n == 0
        || !pending.isEmpty()
        || Character.isHighSurrogate(text[n - 1])
        || Character.isLowSurrogate(text[0])) {
      write(new String(text));
      return;
    }
    byte[] b = templateText.get(text);
    if (b == null) {
      b = new String(text).getBytes(StandardCharsets.UTF_8);
      templateText.put(text, b);
    }
    append0(b);
  }

  @Override
  public void write(char[] text, int off, int len) {
    write(new String(text, off, len));
  }

  /** A value a template prints: its bytes if it has them, else its text, as Pebble writes it. */
  @Override
  public void write(Object value) {
    if (value instanceof Utf8Html h) {
      append(h.bytes());
    } else {
      write(StringUtils.toString(value));
    }
  }

  @Override
  public void writeSpecialized(int i) {
    write(Integer.toString(i));
  }

  @Override
  public void writeSpecialized(long l) {
    write(Long.toString(l));
  }

  @Override
  public void writeSpecialized(double d) {
    write(Double.toString(d));
  }

  @Override
  public void writeSpecialized(float f) {
    write(Float.toString(f));
  }

  @Override
  public void writeSpecialized(short s) {
    write(Short.toString(s));
  }

  @Override
  public void writeSpecialized(byte b) {
    write(Byte.toString(b));
  }

  @Override
  public void writeSpecialized(char c) {
    write(String.valueOf(c));
  }

  @Override
  public void writeSpecialized(String s) {
    write(s);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
