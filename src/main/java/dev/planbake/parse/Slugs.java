package dev.planbake.parse;

import dev.planbake.model.SafePath;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL-safe names for plans: lowercase letters, digits, dots and dashes only. */
final class Slugs {
  private Slugs() {}

  /** Files whose name says nothing: their folder names them instead. */
  private static final Set<String> GENERIC = Set.of("plan", "spec", "tasks", "index");

  /** A GSD plan's name: phase (maybe decimal, {@code 55.1}), plan number, {@code -PLAN}. */
  static final Pattern GSD = Pattern.compile("(?i)(\\d+(?:\\.\\d+)*-\\d+)-plan");

  /**
   * The slug of a plan file: its name, or its folder for generic names, or NN-MM for GSD ({@code
   * 55.1-01} for a decimal phase).
   */
  static String ofFile(String source) {
    String slug = fromName(source);
    // A plan named con.md or nul.md must not become a folder Windows cannot open.
    return SafePath.isReserved(slug) ? slug + "-plan" : slug;
  }

  private static String fromName(String source) {
    String[] parts = source.split("/");
    String name = parts[parts.length - 1].replaceFirst("(?i)\\.md$", "");
    Matcher gsd = GSD.matcher(name);
    if (gsd.matches()) {
      return gsd.group(1);
    }
    String slug = of(name);
    if (GENERIC.contains(slug) && parts.length > 1) {
      return of(parts[parts.length - 2]) + (slug.equals("plan") ? "" : "-" + slug);
    }
    return slug.isEmpty() ? "plan" : slug;
  }

  /** {@link SafePath#slug}, at most 80 characters long. */
  static String of(String text) {
    String s = SafePath.slug(text);
    // Long names make long paths; 80 characters keep every output path well under OS limits.
    if (s.length() > 80) {
      s = s.substring(0, 80).replaceAll("-+$", "");
    }
    return s;
  }
}
