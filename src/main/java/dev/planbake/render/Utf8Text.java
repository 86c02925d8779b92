package dev.planbake.render;

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
 * piece is encoded as it comes, and text of the templates once per thread.
 */
final class Utf8Text extends java.io.Writer {
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
    if (!pending.isEmpty()) {
      append(pending.getBytes(StandardCharsets.UTF_8));
      pending = "";
    }
    return Arrays.copyOf(buf, size);
  }

  void reset() {
    busy = false;
    pending = "";
    size = 0;
    if (buf.length > KEPT) {
      buf = new byte[32768];
    }
  }

  private void append(byte[] b) {
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
    append(s.getBytes(StandardCharsets.UTF_8));
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
    append(b);
  }

  @Override
  public void write(char[] text, int off, int len) {
    write(new String(text, off, len));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
