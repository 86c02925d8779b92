package dev.planbake.parse;

import dev.planbake.model.Content;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/** Cuts a file's content into the parts that lie within a range of lines (a unit's section). */
final class Contents {
  private Contents() {}

  static Content within(Content c, IntPredicate lines) {
    return new Content(
        keep(c.tasks(), t -> t.line(), lines),
        keep(c.phases(), p -> p.line(), lines),
        keep(c.gates(), g -> g.line(), lines),
        keep(c.risks(), r -> r.line(), lines),
        keep(c.files(), f -> f.line(), lines),
        keep(c.urls(), u -> u.line(), lines),
        keep(c.references(), r -> r.at().line(), lines));
  }

  private static <T> List<T> keep(List<T> items, ToIntFunction<T> line, IntPredicate lines) {
    return items.stream().filter(i -> lines.test(line.applyAsInt(i))).toList();
  }
}
