package dev.planbake.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * The templates' {@code grouped} filter: a whole number with its thousands grouped by commas, as an
 * English page writes counts ({@code 15844 | grouped} is "15,844"). Pebble's {@code numberformat}
 * does the same with a {@code DecimalFormat} made at every call, and the progress bar of every plan
 * and list row prints two counts.
 */
final class Grouped implements Filter {
  /** The extension that gives templates the filter. */
  static final AbstractExtension EXTENSION =
      new AbstractExtension() {
        @Override
        public Map<String, Filter> getFilters() {
          return Map.of("grouped", new Grouped());
        }
      };

  @Override
  public List<String> getArgumentNames() {
    return List.of();
  }

  @Override
  public Object apply(
      Object input,
      Map<String, Object> args,
      PebbleTemplate self,
      EvaluationContext context,
      int lineNumber) {
    if (input instanceof Integer || input instanceof Long) {
      return of(((Number) input).longValue());
    }
    return input;
  }

  /** {@code n} with its thousands grouped: "1,020", "-15,844", "999". */
  static String of(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int len = digits.length() - sign;
    if (len <= 3) {
      return digits;
    }
    StringBuilder sb = new StringBuilder(digits.length() + len / 3);
    sb.append(digits, 0, sign);
    int head = len % 3 == 0 ? 3 : len % 3;
    sb.append(digits, sign, sign + head);
    for (int i = sign + head; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }
}
