package dev.planbake.render;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages a kept session ({@code serve}) draws again only when what their template reads changed:
 * each is kept with a copy of the context it was drawn from, and a page whose new context is equal
 * (records compare by value, and rows and references kept between edits are mostly the same
 * objects) is the page drawn last time. A template's output depends on its context alone, so an
 * equal context gives the same bytes. An edit that changes one unit's progress then leaves the
 * search page, the 404 page, and the problems, critical path and timeline pages as they were unless
 * that unit is on them. A one-shot build keeps nothing: it draws each page once.
 */
final class KeptPages {
  private record Kept(Map<String, Object> context, Page page) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  /** The page {@code template} draws from {@code context} at {@code path}, kept if it can be. */
  Page page(Theme theme, String path, String template, Map<String, Object> context) {
    Kept was = kept.get(path);
    if (was != null && was.context().equals(context)) {
      return was.page();
    }
    Map<String, Object> copy = new HashMap<>(context);
    Page page = theme.page(path, template, context);
    kept.put(path, new Kept(copy, page));
    return page;
  }

  /** Draws the page, keeping nothing: for a one-shot build ({@code kept} null). */
  static Page page(
      KeptPages kept, Theme theme, String path, String template, Map<String, Object> context) {
    return kept == null
        ? theme.page(path, template, context)
        : kept.page(theme, path, template, context);
  }
}
