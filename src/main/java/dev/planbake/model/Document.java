package dev.planbake.model;

import java.util.List;

/**
 * One Markdown file of a plan, rendered: its source, title, body HTML (not yet sanitised), the
 * heading tree with anchors and counts, and the raw HTML it contained (line and text).
 */
public record Document(
    String source, String title, Html body, List<Section> sections, List<RawHtml> rawHtml) {

  /** The body HTML (inflated from its compact form on each call). */
  public String html() {
    return body.text();
  }

  public Document {
    sections = List.copyOf(sections);
    rawHtml = List.copyOf(rawHtml);
  }

  /** A piece of raw HTML written in the Markdown, kept to report what sanitising removes. */
  public record RawHtml(int line, String html) {}
}
