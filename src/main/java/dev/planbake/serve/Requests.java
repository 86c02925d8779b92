package dev.planbake.serve;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a request path to a site path, refusing anything that could leave the site: {@code ..}
 * segments (plain or percent-encoded), backslashes, NUL and other control characters; and tells
 * which {@code Host} headers the server answers.
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

  /**
   * Whether a request's {@code Host} header names this server as a browser on this machine or the
   * network reaches it: {@code localhost} (and its subdomains), any IP address, or the host it was
   * started with. Any other name is how DNS rebinding reaches a local server: a page on {@code
   * evil.example} makes its name resolve to 127.0.0.1, and its scripts then read the plans as
   * same-origin. A request without the header (HTTP/1.0, not a browser) is answered.
   */
  static boolean allowedHost(String header, String boundHost) {
    if (header == null || header.isBlank()) {
      return true;
    }
    String h = header.strip().toLowerCase(Locale.ROOT);
    String name;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      if (end < 0) {
        return false;
      }
      name = h.substring(1, end);
      return name.indexOf(':') >= 0 && name.matches("[0-9a-f:.%a-z]+");
    }
    int colon = h.indexOf(':');
    name = colon < 0 ? h : h.substring(0, colon);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || name.equals(boundHost.toLowerCase(Locale.ROOT));
  }
}
