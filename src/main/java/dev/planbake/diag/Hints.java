package dev.planbake.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …" suggestions: the known names nearest to a mistyped one. */
public final class Hints {
  private Hints() {}

  /**
   * Up to {@code max} names from {@code known} within a small edit distance of {@code wrong},
   * nearest first (ties in the order given).
   */
  public static List<String> nearest(String wrong, Collection<String> known, int max) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    record Scored(String name, int d, int order) {}
    List<Scored> scored = new ArrayList<>();
    int i = 0;
    for (String k : known) {
      // Length alone bounds the distance from below: skip hopeless names cheaply.
      if (Math.abs(k.length() - w.length()) <= limit) {
        int d = distance(w, k.toLowerCase(Locale.ROOT));
        if (d <= limit) {
          scored.add(new Scored(k, d, i));
        }
      }
      i++;
    }
    scored.sort(Comparator.comparingInt(Scored::d).thenComparingInt(Scored::order));
    return scored.stream().limit(max).map(Scored::name).toList();
  }

  /** "did you mean `x`?" or "" when nothing is near. */
  public static String didYouMean(String wrong, Collection<String> known) {
    List<String> near = nearest(wrong, known, 3);
    if (near.isEmpty()) {
      return "";
    }
    return "did you mean "
        + String.join(" or ", near.stream().map(n -> "`" + n + "`").toList())
        + "?";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
