package dev.planbake.parse;

import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import java.util.List;

/**
 * Reads lists of ids as authors write them after {@code Unit}, {@code Phase} or a dependency label:
 * {@code 1.1, 1.2 and Unit 2.0}, {@code 2.1 & 2.2}, ranges {@code 1.1-1.4}. A hand-written scanner,
 * not a regex with a repeated group: such a regex recurses once per item, and a 200 KB line of ids
 * overflowed the stack. Every call reads each character at most a few times.
 */
final class IdList {
  private IdList() {}

  /** A range naming more ids than this names only its ends. */
  static final int MAX_RANGE = 100;

  /**
   * What an item is: a dotted unit id ({@code 1.2}), a phase number ({@code 2}, {@code 55.1},
   * {@code 2a}) or a feature number ({@code 001}).
   */
  enum Item {
    UNIT("unit", Kind.UNIT),
    PHASE("phase", Kind.PHASE),
    FEATURE("feature", Kind.FEATURE);

    final String word;
    final Kind kind;

    Item(String word, Kind kind) {
      this.word = word;
      this.kind = kind;
    }
  }

  /**
   * Reads a list starting at {@code from} (an item must start there), adding a target per id named;
   * the end of the last item read, or {@code from} if none starts there. Later items may repeat the
   * word ({@code Unit 1.1 and Unit 1.2}, {@code Phase 1, Phase 2}).
   */
  static int scan(CharSequence s, int from, Item item, List<Target> out) {
    int end = range(s, from, item, out);
    if (end == from) {
      return from;
    }
    while (true) {
      int next = separator(s, end);
      if (next == end) {
        return end;
      }
      next = skipWord(s, next, item);
      int after = range(s, next, item, out);
      if (after == next) {
        return end;
      }
      end = after;
    }
  }

  /** An item, or two items joined by a dash or "to" naming every id between them. */
  private static int range(CharSequence s, int from, Item item, List<Target> out) {
    int end = id(s, from, item);
    if (end == from) {
      return from;
    }
    String first = s.subSequence(from, end).toString();
    int i = end;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    int j = -1;
    if (i < s.length() && "-–—".indexOf(s.charAt(i)) >= 0) {
      j = i + 1;
    } else if (PlainText.regionIgnoreCase(s, i, "to ")) {
      j = i + 3;
    } else if (PlainText.regionIgnoreCase(s, i, "through ")) {
      j = i + 8;
    }
    if (j > 0) {
      while (j < s.length() && s.charAt(j) == ' ') {
        j++;
      }
      j = skipWord(s, j, item);
      int last = id(s, j, item);
      if (last > j) {
        expand(first, s.subSequence(j, last).toString(), item, out);
        return last;
      }
    }
    out.add(target(item, first));
    return end;
  }

  /** Every id from {@code a} to {@code b} when they differ only in their last number, else both. */
  private static void expand(String a, String b, Item item, List<Target> out) {
    int dotA = a.lastIndexOf('.');
    int dotB = b.lastIndexOf('.');
    String prefix = a.substring(0, dotA + 1);
    if (dotA == dotB && prefix.equals(b.substring(0, dotB + 1))) {
      String lo = a.substring(dotA + 1);
      String hi = b.substring(dotB + 1);
      if (lo.length() <= 6 && hi.length() <= 6 && digits(lo) && digits(hi)) {
        int from = Integer.parseInt(lo);
        int to = Integer.parseInt(hi);
        if (from < to && to - from < MAX_RANGE) {
          for (int n = from; n <= to; n++) {
            // Keep the width the author wrote: 01-05 names 01, 02, ... 05.
            String num = String.valueOf(n);
            while (num.length() < lo.length()) {
              num = "0" + num;
            }
            out.add(target(item, prefix + num));
          }
          return;
        }
      }
    }
    out.add(target(item, a));
    out.add(target(item, b));
  }

  private static Target target(Item item, String id) {
    return new Target(item.kind, id);
  }

  /**
   * The end of an id starting at {@code from}, or {@code from}: digits and dots ({@code 1.2.3}; a
   * unit id needs a dot), not inside a longer word or number, nor followed by {@code .5} or a
   * letter or digit. A phase number may end in one letter ({@code 2a}).
   */
  static int id(CharSequence s, int from, Item item) {
    int n = s.length();
    if (from >= n || !isDigit(s.charAt(from))) {
      return from;
    }
    if (from > 0) {
      char before = s.charAt(from - 1);
      if (PlainText.isWordChar(before) || before == '.' || before == '#' || before == '/') {
        return from;
      }
    }
    int i = from;
    int dots = 0;
    while (true) {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
        dots++;
        i++;
      } else {
        break;
      }
    }
    if ((item == Item.UNIT) != (dots > 0) && item != Item.PHASE) {
      return from;
    }
    if (item == Item.PHASE
        && i < n
        && Character.isLetter(s.charAt(i))
        && (i + 1 >= n || !PlainText.isWordChar(s.charAt(i + 1)))) {
      i++;
    }
    if (i < n && (PlainText.isWordChar(s.charAt(i)) || s.charAt(i) == '/')) {
      return from;
    }
    return i;
  }

  /**
   * After a list separator ({@code ,} {@code ;} {@code &} {@code +} {@code /} and, or) and spaces,
   * or {@code at}.
   */
  private static int separator(CharSequence s, int at) {
    int i = spaces(s, at);
    int n = s.length();
    boolean sep = false;
    if (i < n && ",;&+/".indexOf(s.charAt(i)) >= 0) {
      i++;
      sep = true;
      i = spaces(s, i);
    }
    for (String word : new String[] {"and ", "or "}) {
      if (PlainText.regionIgnoreCase(s, i, word)) {
        i += word.length();
        sep = true;
        break;
      }
    }
    return sep ? spaces(s, i) : at;
  }

  /**
   * After the word of {@code item} (for features, also "spec") and spaces at {@code at}; else at.
   */
  private static int skipWord(CharSequence s, int at, Item item) {
    int i = skipWord(s, at, item.word);
    return i == at && item == Item.FEATURE ? skipWord(s, at, "spec") : i;
  }

  /** After {@code word}, an optional {@code s} and spaces, if they start at {@code at}; else at. */
  static int skipWord(CharSequence s, int at, String word) {
    if (!PlainText.regionIgnoreCase(s, at, word)) {
      return at;
    }
    int i = at + word.length();
    if (i < s.length() && (s.charAt(i) == 's' || s.charAt(i) == 'S')) {
      i++;
    }
    int j = spaces(s, i);
    return j > i ? j : at;
  }

  /** After spaces, emphasis marks, backticks and a colon at {@code at}. */
  static int skipDecoration(CharSequence s, int at) {
    int i = at;
    while (i < s.length()
        && (PlainText.isRegexSpace(s.charAt(i)) || "*_`:".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  private static final String[] NONE = {"none", "n/a", "nothing", "no dependencies", "no prior"};

  /** Whether the value at {@code at} says there is no dependency: None, N/A, a lone dash. */
  static boolean saysNone(CharSequence s, int at) {
    for (String word : NONE) {
      if (PlainText.regionIgnoreCase(s, at, word) && !wordAt(s, at + word.length())) {
        return true;
      }
    }
    if (at < s.length() && "-–—".indexOf(s.charAt(at)) >= 0) {
      int after = at + 1;
      return after >= s.length() || PlainText.isRegexSpace(s.charAt(after));
    }
    return false;
  }

  /**
   * Whether a list of bare ids ending at {@code at} is all the value says, but for a description:
   * the end, or a bracket, a dash, a colon, a full stop or emphasis after it. "Requires: 3.11 or
   * later" names a version, not unit 3.11.
   */
  static boolean endsList(CharSequence s, int at) {
    int i = spaces(s, at);
    return i >= s.length() || "([-–—:.;,*_`|".indexOf(s.charAt(i)) >= 0;
  }

  private static final String[] PREVIOUS = {
    "all previous units", "all prior units", "all preceding units", "all earlier units",
    "all units above", "all of the above", "all previous", "all prior units"
  };

  /**
   * A group at {@code at}: {@code all previous units} (target {@code <}), {@code all Phase 1 units}
   * / {@code all units of phase 1} (target {@code 1.}); its end, or {@code at}.
   */
  static int group(CharSequence s, int at, List<Target> out) {
    for (String words : PREVIOUS) {
      if (PlainText.regionIgnoreCase(s, at, words) && !wordAt(s, at + words.length())) {
        out.add(new Target(Kind.GROUP, "<"));
        return at + words.length();
      }
    }
    if (!PlainText.regionIgnoreCase(s, at, "all ")) {
      return at;
    }
    int i = spaces(s, at + 3);
    boolean unitsFirst = false;
    int afterUnits = skipWord(s, i, "unit");
    if (afterUnits > i) {
      unitsFirst = true;
      i = afterUnits;
      for (String of : new String[] {"of ", "in ", "from "}) {
        if (PlainText.regionIgnoreCase(s, i, of)) {
          i = spaces(s, i + of.length());
          break;
        }
      }
    }
    int from = skipWord(s, i, "phase");
    int end = from > i ? id(s, from, Item.PHASE) : from;
    if (end == from) {
      return at;
    }
    String phase = s.subSequence(from, end).toString();
    if (!unitsFirst) {
      int u = spaces(s, end);
      if (!PlainText.regionIgnoreCase(s, u, "unit")) {
        return at;
      }
      end = u + 4;
      if (end < s.length() && (s.charAt(end) == 's' || s.charAt(end) == 'S')) {
        end++;
      }
      if (wordAt(s, end)) {
        return at;
      }
    }
    out.add(new Target(Kind.GROUP, phase + "."));
    return end;
  }

  private static boolean wordAt(CharSequence s, int i) {
    return i < s.length() && PlainText.isWordChar(s.charAt(i));
  }

  static int spaces(CharSequence s, int at) {
    int i = at;
    while (i < s.length() && PlainText.isRegexSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
