package dev.planbake.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many entries of the search index hold each heading, or each prose word: what tells
 * boilerplate ("Definition of Done", "the") from what sets a unit apart. A build counts every entry
 * once ({@link #of}); a kept session {@linkplain #recount recounts} only the lists that came or
 * went since its last index, because one edit changes the lists of one plan out of thousands.
 */
final class Tally {
  /** By string, how many of the counted lists hold it; a string no list holds is not kept. */
  private final Map<String, int[]> counts = new HashMap<>();

  /**
   * The lists of the last {@link #recount}, by identity, with how many entries gave each: a plan
   * that was not parsed again gives the same list objects, and one object can stand for several
   * entries (one {@code List.of()} is the prose words of every unit of a multi-unit file).
   */
  private Map<List<String>, int[]> counted = new IdentityHashMap<>();

  /** Every list counted once: what a one-shot build needs. */
  static Tally of(List<List<String>> lists) {
    Tally t = new Tally();
    for (List<String> list : lists) {
      t.add(list, 1, null);
    }
    return t;
  }

  int count(String s) {
    int[] c = counts.get(s);
    return c == null ? 0 : c[0];
  }

  /** The strings of {@code strings} that at most {@code common} entries hold, the first few. */
  List<String> rare(List<String> strings, int common, int limit) {
    List<String> out = new ArrayList<>(Math.min(strings.size(), limit));
    for (String s : strings) {
      if (out.size() == limit) {
        break;
      }
      if (count(s) <= common) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Counts {@code lists} in place of those of the last recount: only a list that came, went or
   * changed its number of entries has its strings added or taken away, so the work follows the
   * edit, not the size of the repository.
   *
   * @return the strings whose count went from at most {@code common} to above it, or back: the only
   *     ones whose commonness can have changed, as long as {@code common} is the same as before
   */
  Set<String> recount(List<List<String>> lists, int common) {
    Map<List<String>, int[]> now = new IdentityHashMap<>(lists.size());
    for (List<String> list : lists) {
      now.computeIfAbsent(list, k -> new int[1])[0]++;
    }
    Map<String, Integer> before = new HashMap<>();
    for (Map.Entry<List<String>, int[]> was : counted.entrySet()) {
      int[] is = now.get(was.getKey());
      int change = (is == null ? 0 : is[0]) - was.getValue()[0];
      if (change != 0) {
        add(was.getKey(), change, before);
      }
    }
    for (Map.Entry<List<String>, int[]> is : now.entrySet()) {
      if (!counted.containsKey(is.getKey())) {
        add(is.getKey(), is.getValue()[0], before);
      }
    }
    counted = now;
    Set<String> crossed = new HashSet<>();
    before.forEach(
        (s, was) -> {
          if ((was > common) != (count(s) > common)) {
            crossed.add(s);
          }
        });
    return crossed;
  }

  /**
   * Adds {@code times} (negative to take away) to the count of each string.
   *
   * @param before if not null, takes the count each string had before its first change
   */
  private void add(List<String> strings, int times, Map<String, Integer> before) {
    for (String s : strings) {
      int[] c = counts.computeIfAbsent(s, k -> new int[1]);
      if (before != null) {
        before.putIfAbsent(s, c[0]);
      }
      c[0] += times;
      if (c[0] == 0) {
        counts.remove(s);
      }
    }
  }
}
