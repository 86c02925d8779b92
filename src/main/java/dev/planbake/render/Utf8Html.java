package dev.planbake.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Markup made in Java (a drawing, a list) already encoded as UTF-8: a page being written ({@link
 * Utf8Text}) takes its bytes as they are, instead of the text being built as a {@code String} and
 * encoded again for every page that shows it. Templates print it as any other trusted markup
 * ({@code {{ focus.svg | raw }}}); anything else that reads it gets its text.
 */
final class Utf8Html extends SafeString {
  /** No markup. */
  static final Utf8Html EMPTY = new Utf8Html(new byte[0]);

  private final byte[] bytes;
  private String text;

  Utf8Html(byte[] bytes) {
    super("");
    this.bytes = bytes;
  }

  /** The bytes; not to be written to. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = new String(bytes, StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Utf8Html h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /**
   * The templates' {@code raw} filter, as Pebble's, except that markup already trusted (as this is)
   * stays what it is instead of becoming a new string: Pebble's makes its text, which a page would
   * then encode again. Pebble hands a filter the text of trusted markup, not the markup, unless the
   * filter is an escaping one; this one is, so that it gets the markup, and it escapes nothing.
   */
  static final AbstractExtension RAW =
      new AbstractExtension() {
        @Override
        public Map<String, Filter> getFilters() {
          return Map.of("raw", new Raw());
        }
      };

  private static final class Raw extends EscapeFilter {
    @Override
    public List<String> getArgumentNames() {
      return null;
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int lineNumber) {
      if (input == null || input instanceof SafeString) {
        return input;
      }
      return new SafeString(input.toString());
    }
  }
}
