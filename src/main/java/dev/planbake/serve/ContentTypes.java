package dev.planbake.serve;

import java.util.Locale;

/** Content types by file extension for the files a site holds. */
final class ContentTypes {
  private ContentTypes() {}

  static String of(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    int dot = p.lastIndexOf('.');
    String ext = dot < 0 ? "" : p.substring(dot + 1);
    return switch (ext) {
      case "html", "htm" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "json" -> "application/json; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "xml" -> "application/xml; charset=utf-8";
      case "txt" -> "text/plain; charset=utf-8";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "webp" -> "image/webp";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      default -> "application/octet-stream";
    };
  }
}
