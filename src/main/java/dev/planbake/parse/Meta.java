package dev.planbake.parse;

import dev.planbake.config.Yaml;
import dev.planbake.model.Field;
import dev.planbake.model.Metadata;
import dev.planbake.model.Reference.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan's metadata from its header and its leading bold fields. The header wins over inline fields
 * for the same key.
 *
 * @param status the status as written ("" if none), and the line it is on
 * @param refs dependency keys of the header (depends_on, blocks, related and their aliases)
 */
record Meta(
    String title,
    String unit,
    String status,
    int statusLine,
    List<String> aliases,
    List<RefEntry> refs,
    Metadata metadata) {

  static final Meta EMPTY = new Meta("", "", "", 0, List.of(), List.of(), Metadata.EMPTY);

  /** A dependency key of the header and its values. */
  record RefEntry(String key, int line, Direction direction, List<String> values) {}

  private static final int MAX_SHOWN_VALUE = 120;

  static Meta of(List<Yaml.Entry> header, Doc doc) {
    Map<String, String> known = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<Field> shown = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    List<RefEntry> refs = new ArrayList<>();
    for (Yaml.Entry e : header) {
      String key = canonical(e.key());
      Direction d = PlanParser.directionOfKey(e.key());
      if (d != null) {
        refs.add(new RefEntry(e.key(), e.line(), d, e.values()));
      }
      switch (key) {
        case "tags" -> tags.addAll(e.values());
        case "aliases" -> aliases.addAll(e.values().stream().map(Meta::alias).toList());
        default -> {
          if (!e.sequence()) {
            known.putIfAbsent(key, e.scalar().strip());
            lines.putIfAbsent(key, e.line());
          }
        }
      }
      String value = e.sequence() ? String.join(", ", e.items()) : e.scalar().strip();
      if (!value.isEmpty() && value.length() <= MAX_SHOWN_VALUE) {
        shown.add(new Field(e.key(), value, e.line()));
      }
    }
    for (Doc.ScopedField sf : doc.fields()) {
      if (sf.headingLevel() > 1 && !sf.metadata()) {
        continue;
      }
      Field f = sf.field();
      String key = canonical(f.key());
      boolean isKnown = KNOWN.contains(key);
      if (isKnown) {
        known.putIfAbsent(key, f.value());
        lines.putIfAbsent(key, f.line());
      }
      if ((isKnown || f.value().length() <= 80)
          && !f.value().isEmpty()
          && shown.stream().noneMatch(s -> canonical(s.key()).equals(key))) {
        shown.add(f);
      }
    }
    if (tags.isEmpty() && known.containsKey("tags")) {
      for (String t : known.get("tags").split(",")) {
        if (!t.isBlank()) {
          tags.add(t.strip());
        }
      }
    }
    String status = known.getOrDefault("status", "");
    Metadata md =
        new Metadata(
            known.getOrDefault("title", ""),
            known.getOrDefault("unit", ""),
            known.getOrDefault("owner", ""),
            known.getOrDefault("created", ""),
            known.getOrDefault("updated", ""),
            known.getOrDefault("branch", ""),
            known.getOrDefault("ticket", ""),
            known.getOrDefault("approach", ""),
            tags,
            aliases,
            shown);
    // Only the header's status is "front matter"; an inline field is found again with its scope.
    boolean headerStatus = header.stream().anyMatch(e -> canonical(e.key()).equals("status"));
    String unit = known.getOrDefault("unit", "").replaceFirst("(?i)^units?\\s+", "");
    String title =
        header.stream().anyMatch(e -> e.key().equalsIgnoreCase("title"))
            ? known.getOrDefault("title", "")
            : "";
    return new Meta(
        title,
        unit,
        headerStatus ? status : "",
        headerStatus ? lines.getOrDefault("status", 0) : 0,
        aliases,
        refs,
        md);
  }

  private static final List<String> KNOWN =
      List.of(
          "title",
          "unit",
          "status",
          "owner",
          "created",
          "updated",
          "branch",
          "ticket",
          "approach",
          "tags");

  /** The known key a written key stands for ("Feature Branch" is branch, "Author" is owner). */
  static String canonical(String key) {
    String k = key.toLowerCase(Locale.ROOT).strip().replace('_', ' ').replace('-', ' ');
    return switch (k) {
      case "owner", "owners", "author", "authors", "assignee", "dri", "lead" -> "owner";
      case "created", "date", "created at", "created on" -> "created";
      case "updated", "last updated", "updated at", "modified", "last modified" -> "updated";
      case "branch", "feature branch" -> "branch";
      case "ticket", "issue", "jira", "ticket id" -> "ticket";
      case "approach" -> "approach";
      case "tags", "labels", "keywords" -> "tags";
      case "aliases", "alias" -> "aliases";
      case "status", "state", "plan status" -> "status";
      case "unit", "unit id" -> "unit";
      case "title" -> "title";
      default -> k;
    };
  }

  private static String alias(String v) {
    String s = v.strip();
    return s.matches("\\d+") ? "#" + s : s;
  }
}
