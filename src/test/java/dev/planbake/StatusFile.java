package dev.planbake;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code status.json} read back as the contract other tools see it, into typed records. */
public record StatusFile(
    String generator, int done, int total, List<Unit> units, List<Problem> diagnostics) {

  /** One entry of {@code units}. */
  public record Unit(
      String id,
      String title,
      String source,
      String style,
      String status,
      String declaredStatus,
      String derivedStatus,
      int done,
      int total,
      List<String> dependsOn,
      List<String> enables,
      List<String> related,
      boolean placeholder,
      String standing) {}

  /** One entry of {@code diagnostics}. */
  public record Problem(String severity, String source, int line, String message) {}

  public static StatusFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StatusFile parse(String json) {
    try {
      Map<?, ?> root = JSON.std.mapFrom(json);
      List<Unit> units = new ArrayList<>();
      for (Object o : list(root.get("units"))) {
        Map<?, ?> u = (Map<?, ?>) o;
        Map<?, ?> p = (Map<?, ?>) u.get("progress");
        units.add(
            new Unit(
                str(u.get("id")),
                str(u.get("title")),
                str(u.get("source")),
                str(u.get("style")),
                str(u.get("status")),
                str(u.get("declared_status")),
                str(u.get("derived_status")),
                num(p.get("done")),
                num(p.get("total")),
                strings(u.get("depends_on")),
                strings(u.get("enables")),
                strings(u.get("related")),
                Boolean.TRUE.equals(u.get("placeholder")),
                str(u.get("standing"))));
      }
      Map<?, ?> progress = (Map<?, ?>) root.get("progress");
      return new StatusFile(
          str(root.get("generator")),
          num(progress.get("done")),
          num(progress.get("total")),
          units,
          problems(root.get("diagnostics")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code diagnostics} array alone, as {@code check --format json} prints it. */
  public static List<Problem> problems(String json) {
    try {
      return problems(JSON.std.mapFrom(json).get("diagnostics"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Problem> problems(Object array) {
    List<Problem> out = new ArrayList<>();
    for (Object o : list(array)) {
      Map<?, ?> d = (Map<?, ?>) o;
      out.add(
          new Problem(
              str(d.get("severity")),
              str(d.get("source")),
              num(d.get("line")),
              str(d.get("message"))));
    }
    return out;
  }

  static List<?> list(Object o) {
    return o == null ? List.of() : (List<?>) o;
  }

  static List<String> strings(Object o) {
    return list(o).stream().map(StatusFile::str).toList();
  }

  static String str(Object o) {
    return o == null ? null : o.toString();
  }

  static int num(Object o) {
    return ((Number) o).intValue();
  }
}
