package dev.planbake.render;

import java.nio.charset.StandardCharsets;

/** One output file: its path inside the site (with {@code /}) and its bytes. */
public record Page(String path, byte[] bytes) {
  public static Page text(String path, String text) {
    return new Page(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
