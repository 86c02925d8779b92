package dev.planbake.graph;

import dev.planbake.model.Plan;
import dev.planbake.model.Reference;
import dev.planbake.model.SafePath;
import dev.planbake.model.UnitId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Finds the unit a reference names, seen from the unit that makes it. */
final class Resolver {
  private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

  private final Index index;

  Resolver(Index index) {
    this.index = index;
  }

  /**
   * What a reference resolved to: a unit, nothing, several candidates ({@code ambiguous}), or a
   * group of units that it names together ({@code all}: the plans of a phase, "all previous
   * units").
   */
  record Resolution(Index.Entry target, List<Index.Entry> ambiguous, List<Index.Entry> all) {
    static final Resolution NONE = new Resolution(null, List.of(), List.of());

    Resolution(Index.Entry target, List<Index.Entry> ambiguous) {
      this(target, ambiguous, List.of());
    }

    boolean found() {
      return target != null || !all.isEmpty();
    }

    /** Every unit it names. */
    List<Index.Entry> targets() {
      return target != null ? List.of(target) : all;
    }
  }

  Resolution resolve(Reference ref, Index.Entry from) {
    String v = ref.target().value();
    return switch (ref.target().kind()) {
      case UNIT -> unit(v, from);
      case QUALIFIED -> qualified(v);
      case PATH -> path(v, ref.at().source());
      case ALIAS -> alias(v, from);
      case ID, NAME -> name(v, from);
      case PHASE -> all(phase(v, from));
      case GROUP -> all(group(v, from));
      case FEATURE -> all(index.byFeature.getOrDefault(Phases.normal(v), List.of()));
    };
  }

  /**
   * The plans of phase {@code number} seen from {@code from}: GSD plans of that phase; else the
   * plans of its folder whose file names give that phase in the same series ({@code phase-2-x.md}
   * beside {@code phase-1-y.md}); else those of its folder titled "Phase 2: ...".
   */
  private List<Index.Entry> phase(String number, Index.Entry from) {
    List<Index.Entry> gsd = index.byPhase.get(Phases.gsd(number));
    if (gsd != null) {
      return gsd;
    }
    String source = from.plan().source();
    String folder = Phases.folderOf(source);
    List<Index.Entry> files =
        index.byPhase.get(Phases.inFolder(folder, Phases.seriesOf(source), number));
    if (files != null) {
      return files;
    }
    return index.byPhase.getOrDefault(Phases.inFolder(folder, "title:", number), List.of());
  }

  /**
   * "All previous units" ({@code <}) or "all Phase 1 units" ({@code 1.}): among the units of the
   * referring file if it holds several, else among the numbered units of the repository.
   */
  private List<Index.Entry> group(String v, Index.Entry from) {
    List<Index.Entry> pool =
        from.plan().multiUnit() ? index.byPlan.get(from.plan()) : index.entries;
    List<Index.Entry> out = new ArrayList<>();
    if (v.equals("<") && !from.id().isNumbered()) {
      return out;
    }
    for (Index.Entry e : pool) {
      if (!e.id().isNumbered() || e == from) {
        continue;
      }
      boolean in =
          v.equals("<")
              ? UnitId.compareNatural(e.id().local(), from.id().local()) < 0
              : e.id().local().startsWith(v);
      if (in) {
        out.add(e);
      }
    }
    return out;
  }

  private static Resolution all(List<Index.Entry> entries) {
    return entries.isEmpty() ? Resolution.NONE : new Resolution(null, List.of(), entries);
  }

  private Resolution unit(String local, Index.Entry from) {
    // A bare id inside a multi-unit file means that file's unit first.
    if (from.plan().multiUnit()) {
      Index.Entry sameFile = index.byId.get(new UnitId(from.plan().slug(), local));
      if (sameFile != null) {
        return one(sameFile);
      }
    }
    Index.Entry global = index.byId.get(UnitId.global(local));
    if (global != null) {
      return one(global);
    }
    List<Index.Entry> scoped = index.scopedByLocal.getOrDefault(local, List.of());
    if (scoped.size() == 1) {
      return one(scoped.get(0));
    }
    return scoped.isEmpty() ? Resolution.NONE : new Resolution(null, scoped);
  }

  private Resolution qualified(String v) {
    UnitId id = UnitId.parse(v);
    Index.Entry e = index.byId.get(id);
    if (e == null) {
      Index.Entry plan = index.bySlug.get(id.scope());
      if (plan != null) {
        e = index.byId.get(new UnitId(plan.plan().slug(), id.local()));
      }
    }
    return one(e);
  }

  /**
   * A name an author gave a unit ({@code #4}, {@code P1-007}, {@code task-213}): the only unit so
   * named, else the only one so named in the referring unit's folder, else ambiguous; and {@code
   * #003} that no unit declares is the feature folder of that number.
   */
  private Resolution alias(String v, Index.Entry from) {
    List<Index.Entry> named = index.byAlias.get(Index.key(v));
    if (named == null) {
      boolean featureNumber = v.length() > 2 && v.charAt(0) == '#' && v.charAt(1) == '0';
      return featureNumber
          ? all(index.byFeature.getOrDefault(Phases.normal(v.substring(1)), List.of()))
          : Resolution.NONE;
    }
    if (named.size() == 1) {
      return one(named.get(0));
    }
    String folder = parentOf(from.plan().source());
    List<Index.Entry> near =
        named.stream().filter(e -> parentOf(e.plan().source()).equals(folder)).toList();
    return near.size() == 1 ? one(near.get(0)) : new Resolution(null, named);
  }

  private Resolution name(String v, Index.Entry from) {
    String k = v.toLowerCase(Locale.ROOT);
    Index.Entry e = index.byId.get(UnitId.global(v));
    if (e == null) {
      e = index.bySlug.get(k);
    }
    if (e == null && (k.endsWith(".md") || k.contains("/"))) {
      return path(v, from.plan().source());
    }
    return e == null ? alias(v, from) : one(e);
  }

  /**
   * A path as written in a link or backticks: relative to the referring file, then to the plans
   * folder, then (if no other plan has that file name) by file name.
   */
  private Resolution path(String written, String writtenIn) {
    int cut = queryOrFragment(written);
    String p = (cut < 0 ? written : written.substring(0, cut)).replace('\\', '/');
    if (p.isEmpty()) {
      return Resolution.NONE;
    }
    Plan plan = null;
    String joined = null;
    if (writtenIn != null && !p.startsWith("/")) {
      String dir = parentOf(writtenIn);
      joined = normalize(dir.isEmpty() ? p : dir + "/" + p);
      if (joined != null) {
        plan = index.byPath.get(Index.key(stripSlash(joined)));
      }
    }
    String rooted = normalize(p.startsWith("/") ? LEADING_SLASHES.matcher(p).replaceFirst("") : p);
    if (plan == null && rooted != null) {
      plan = index.byPath.get(Index.key(stripSlash(rooted)));
    }
    if (plan == null) {
      String name = stripSlash(p);
      name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      plan = index.byFileName.get(name);
    }
    // Anything inside a feature folder (its research.md, contracts/) belongs to that feature,
    // whether or not the file is a plan page or exists at all.
    if (plan == null && joined != null) {
      plan = featureFolderAbove(joined);
    }
    if (plan == null && rooted != null) {
      plan = featureFolderAbove(rooted);
    }
    if (plan == null) {
      // A feature folder named by its path (`specs/008-merge`) is the plan slugged after it.
      String last = stripSlash(p).substring(stripSlash(p).lastIndexOf('/') + 1);
      return SafePath.isFeatureFolder(last)
          ? one(index.bySlug.get(last.toLowerCase(Locale.ROOT)))
          : Resolution.NONE;
    }
    List<Index.Entry> units = index.byPlan.get(plan);
    return units == null || units.isEmpty() ? Resolution.NONE : one(units.get(0));
  }

  /** The plan of the nearest feature folder that contains {@code path}, or null. */
  private Plan featureFolderAbove(String path) {
    String dir = stripSlash(path);
    int slash;
    while ((slash = dir.lastIndexOf('/')) > 0) {
      dir = dir.substring(0, slash);
      Plan p = index.byPath.get(Index.key(dir));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String parentOf(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }

  private static String stripSlash(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** Where a query or fragment starts ({@code ?} or {@code #}), or -1. */
  private static int queryOrFragment(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#' || c == '?') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Resolves {@code .} and {@code ..}, and drops empty segments; null if the path leaves the plans
   * folder.
   */
  static String normalize(String path) {
    // Most paths: splitting and joining would give them back as they are.
    return isNormal(path) ? path : bySplitting(path);
  }

  /** {@link #normalize} without its shortcut (for a test that the shortcut changes nothing). */
  static String bySplitting(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts) + (path.endsWith("/") ? "/" : "");
  }

  /** Whether no segment of {@code path} is empty (but a last one), {@code .} or {@code ..}. */
  private static boolean isNormal(String path) {
    int start = 0;
    while (start < path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      int len = end - start;
      if (len == 0
          || (path.charAt(start) == '.'
              && (len == 1 || (len == 2 && path.charAt(start + 1) == '.')))) {
        return false;
      }
      start = end + 1;
    }
    return !path.isEmpty();
  }

  private static Resolution one(Index.Entry e) {
    return e == null ? Resolution.NONE : new Resolution(e, List.of());
  }
}
