package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The rows of long tables and lists (every plan on {@code /plans/}, a status's or owner's list, the
 * timeline), each drawn by its own theme template ({@code row}, {@code plan-row}, {@code
 * timeline-row}, {@code unit-item}) and kept by the view record it was drawn from: a record's
 * {@code equals} covers everything its template can read, so equal records draw equal HTML. A unit
 * listed on several pages of one build is drawn once; under {@code serve}, a page of a thousand
 * rows after an edit draws only the rows that changed. Each row is an ordinary render of its
 * template, so autoescaping applies as anywhere else, and a theme's row template is used as soon as
 * the theme has one.
 *
 * <p>Under {@code serve} the units' references are kept too, by unit and plan: a reference kept
 * from the last update is the same object, so comparing a row with the one kept mostly compares
 * objects with themselves instead of their text.
 */
final class Rows {
  /** Above this many kept rows per row in use, those the last updates did not use go. */
  private static final int STALE_FACTOR = 4;

  private final Theme theme;

  /** The number of the current update: a kept row is stamped with the last that used it. */
  private int update;

  /** How many rows the current update used. */
  private final AtomicInteger used = new AtomicInteger();

  private final Map<Key, Drawn> drawn = new ConcurrentHashMap<>();

  /** Each unit's reference by the way to the site root it was made for, with what made it. */
  private final Map<String, Map<UnitId, Ref>> refs = new ConcurrentHashMap<>();

  /**
   * A row's template and its unit's reference, by the reference's object: references are kept
   * between updates, so a unit's row is found without hashing its text. Only the last row drawn for
   * a reference is kept: a unit that waits on an edited unit gets a new row at each edit, and the
   * rows of earlier edits would otherwise pile up behind one key (an equal row with another
   * reference object is drawn once more, to the same HTML).
   */
  private static final class Key {
    private final String template;
    private final View.UnitRef unit;
    private final int hash;

    Key(String template, View.UnitRef unit) {
      this.template = template;
      this.unit = unit;
      this.hash = 31 * template.hashCode() + System.identityHashCode(unit);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.unit == unit && k.template.equals(template);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * A row (the record without its HTML), its HTML and the last update that used it: a record's
   * {@code equals} covers everything its template can read, so an equal row draws equal HTML.
   */
  private static final class Drawn {
    final Object row;
    final String html;
    volatile int used;

    Drawn(Object row, String html, int used) {
      this.row = row;
      this.html = html;
      this.used = used;
    }
  }

  /** A unit's reference, made from this unit object and this plan object. */
  private record Ref(Unit unit, Plan plan, View.UnitRef ref) {}

  Rows(Theme theme) {
    this.theme = theme;
  }

  /**
   * Starts an update. A renderer that keeps its pages keeps rows and references too (dropping, once
   * they outnumber the rows in use by {@value #STALE_FACTOR} times, the rows the last update did
   * not use: rows of units since changed); a one-shot build keeps none from the last.
   *
   * @param units the units of this update by id: the references of others go
   */
  void next(boolean keep, Map<UnitId, Unit> units) {
    if (!keep) {
      drawn.clear();
      refs.clear();
    } else {
      refs.values().forEach(byId -> byId.keySet().retainAll(units.keySet()));
    }
    if (keep && drawn.size() > STALE_FACTOR * used.get() + 4096) {
      int last = update;
      drawn.values().removeIf(d -> d.used != last);
    }
    used.set(0);
    update++;
  }

  /**
   * {@code bare} (its {@code html} empty), the row of {@code unit}, with the HTML {@code template}
   * draws for it.
   */
  <T> T drawn(String template, View.UnitRef unit, T bare, BiFunction<T, String, T> withHtml) {
    return withHtml.apply(bare, html(template, unit, bare));
  }

  /**
   * The HTML {@code template} draws for {@code row} (given to it as {@code r}): kept from an
   * earlier row equal to it, else drawn now. Called from any thread.
   */
  private String html(String template, View.UnitRef unit, Object row) {
    Key key = new Key(template, unit);
    Drawn d = drawn.get(key);
    if (d == null || !d.row.equals(row)) {
      Map<String, Object> ctx = new HashMap<>();
      ctx.put("r", row);
      d = new Drawn(row, theme.render(template, ctx), update);
      drawn.put(key, d);
      used.incrementAndGet();
      return d.html;
    }
    if (d.used != update) {
      d.used = update;
      used.incrementAndGet();
    }
    return d.html;
  }

  /**
   * The reference of {@code u} (of {@code plan}) for pages at {@code root}: under {@code serve} the
   * one of an earlier update if it was made from this very unit and plan (or an equal unit), else
   * {@code make}'s.
   */
  View.UnitRef ref(Unit u, Plan plan, String root, Supplier<View.UnitRef> make) {
    Map<UnitId, Ref> byId = refs.computeIfAbsent(root, r -> new ConcurrentHashMap<>());
    Ref was = byId.get(u.id());
    if (was != null && was.plan() == plan) {
      if (was.unit() == u) {
        return was.ref();
      }
      if (was.unit().equals(u)) {
        // The same unit built again: kept by this object from now on, so that the next update,
        // which keeps unchanged units as they are, compares objects alone.
        byId.put(u.id(), new Ref(u, plan, was.ref()));
        return was.ref();
      }
    }
    View.UnitRef ref = make.get();
    byId.put(u.id(), new Ref(u, plan, ref));
    return ref;
  }
}
