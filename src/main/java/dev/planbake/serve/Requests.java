package dev.planbake.serve;

import java.net.URI;
import java.util.Optional;

/**
 * Maps a request path to a site path, refusing anything that could leave the site: {@code ..}
 * segments (plain or percent-encoded), backslashes, NUL and other control characters.
 */
final class Requests {
  private Requests() {}

  /** The site path for a raw request path ({@code /plans/x/} is {@code plans/x/index.html}). */
  static Optional<String> sitePath(String rawPath) {
    String decoded;
    try {
      decoded = URI.create("http://h" + (rawPath == null ? "/" : rawPath)).getPath();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (decoded == null || !decoded.startsWith("/")) {
      return Optional.empty();
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return Optional.empty();
      }
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.empty();
      }
    }
    String path = decoded.substring(1);
    if (path.isEmpty() || path.endsWith("/")) {
      path = path + "index.html";
    }
    return Optional.of(path);
  }
}
