package dev.planbake.model;

import java.util.List;

/**
 * The known metadata keys of a plan, from front matter, a JBake header or bold inline fields
 * ({@code ""} or empty when absent), and every field as written for display.
 */
public record Metadata(
    String title,
    String unit,
    String owner,
    String created,
    String updated,
    String branch,
    String ticket,
    String approach,
    List<String> tags,
    List<String> aliases,
    List<Field> fields) {

  public static final Metadata EMPTY =
      new Metadata("", "", "", "", "", "", "", "", List.of(), List.of(), List.of());

  public Metadata {
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    fields = List.copyOf(fields);
  }
}
