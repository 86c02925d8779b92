package dev.planbake.render;

import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.cache.PebbleCache;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows of long tables rendered once and reused while {@code serve} keeps the site: a template says
 * {@code {% cache keyOf(r) %}<tr>...</tr>{% endcache %}}, and a row whose view is equal to one
 * rendered before, at the same place of the same template, is taken as it was. An edit then renders
 * the rows it changed, not the thousand it did not ({@code /plans/}, the status, owner and tag
 * lists).
 *
 * <p>The key is exact: every string, number and flag of the row's view, length-prefixed, so two
 * different rows never share one. A one-shot build reuses nothing: {@code keyOf} gives "" at no
 * cost and every row is rendered as if the tag were not there.
 */
final class Fragments extends AbstractExtension implements PebbleCache<CacheKey, Object> {
  /** Rows kept at most; past this the cache starts again (rows of old versions pile up). */
  private static final int MAX = 60_000;

  private final Map<CacheKey, Object> kept = new ConcurrentHashMap<>();
  private volatile boolean on;

  /** Whether rows are kept for later renders (a serving renderer) or rendered each time. */
  void keep(boolean keep) {
    on = keep;
    if (!keep) {
      kept.clear();
    }
  }

  @Override
  public Object computeIfAbsent(
      CacheKey key, java.util.function.Function<? super CacheKey, ?> render) {
    if (!on) {
      return render.apply(key);
    }
    Object row = kept.get(key);
    if (row == null) {
      if (kept.size() >= MAX) {
        kept.clear();
      }
      // Not ConcurrentHashMap.computeIfAbsent: rendering may take a while and could nest.
      row = render.apply(key);
      kept.put(key, row);
    }
    return row;
  }

  @Override
  public void invalidateAll() {
    kept.clear();
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("keyOf", new KeyOf());
  }

  /** {@code keyOf(view)}: the exact key of a record view, or "" when nothing is kept. */
  private final class KeyOf implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("view");
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      if (!on) {
        return "";
      }
      StringBuilder sb = new StringBuilder(256);
      encode(args.get("view"), sb);
      return sb.toString();
    }
  }

  /** Numbers the record types, so that a key names its type in a few characters. */
  private static final AtomicInteger TYPES = new AtomicInteger();

  private record Shape(int type, Method[] parts) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> c) {
          RecordComponent[] rc = c.getRecordComponents();
          Method[] parts = new Method[rc.length];
          for (int i = 0; i < rc.length; i++) {
            parts[i] = rc[i].getAccessor();
            parts[i].setAccessible(true);
          }
          return new Shape(TYPES.incrementAndGet(), parts);
        }
      };

  /**
   * Writes a view so that two views write the same text only if they are equal: records by type and
   * parts, lists by size and items, strings by length and text, numbers, flags and enums as
   * themselves. Anything else is not a view a template should key on.
   */
  static void encode(Object o, StringBuilder sb) {
    if (o == null) {
      sb.append('_');
    } else if (o instanceof String s) {
      sb.append('"').append(s.length()).append(':').append(s);
    } else if (o instanceof Record r) {
      Shape shape = SHAPES.get(r.getClass());
      sb.append('{').append(shape.type()).append(':');
      for (Method m : shape.parts()) {
        try {
          encode(m.invoke(r), sb);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + m + " of a row view", e);
        }
      }
      sb.append('}');
    } else if (o instanceof List<?> l) {
      sb.append('[').append(l.size()).append(':');
      for (Object x : l) {
        encode(x, sb);
      }
      sb.append(']');
    } else if (o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
      sb.append('#').append(o).append(';');
    } else {
      throw new IllegalArgumentException(
          "keyOf takes a record view, not a " + o.getClass().getSimpleName());
    }
  }
}
