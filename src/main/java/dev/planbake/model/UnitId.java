package dev.planbake.model;

/**
 * A unit's identity. Ids from files that hold several units are scoped to that file ({@code
 * auth-units#1.1}); all others have an empty scope ({@code 1.0}, {@code 001-user-auth}).
 */
public record UnitId(String scope, String local) implements Comparable<UnitId> {

  public static UnitId global(String local) {
    return new UnitId("", local);
  }

  /** Parses {@code scope#local} or a bare id. */
  public static UnitId parse(String text) {
    int hash = text.indexOf('#');
    return hash > 0 ? new UnitId(text.substring(0, hash), text.substring(hash + 1)) : global(text);
  }

  public boolean isScoped() {
    return !scope.isEmpty();
  }

  /** Whether the local part is a dotted number like {@code 1.0} or {@code 3.2.1}. */
  public boolean isNumbered() {
    // Digits, then one or more groups of a dot and digits.
    int dots = 0;
    boolean digitBefore = false;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (isDigit(c)) {
        digitBefore = true;
      } else if (c == '.' && digitBefore) {
        dots++;
        digitBefore = false;
      } else {
        return false;
      }
    }
    return dots > 0 && digitBefore;
  }

  /**
   * A form safe as a URL path and as folders inside the output: {@code auth-units/1.1} or {@code
   * 1.0}. Ids written by hand ({@code unit: ../../etc}) are made safe by {@link SafePath}.
   */
  public String path() {
    String l = SafePath.segment(local);
    return isScoped() ? SafePath.segment(scope) + "/" + l : l;
  }

  @Override
  public String toString() {
    return isScoped() ? scope + "#" + local : local;
  }

  // Written out: ids key most maps of the graph and the renderer, and a record's generated
  // methods run slower than these before the JIT has compiled them.
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof UnitId u && local.equals(u.local) && scope.equals(u.scope));
  }

  @Override
  public int hashCode() {
    return 31 * scope.hashCode() + local.hashCode();
  }

  /** By scope, then by local id, each in natural order; written out, as sorts call it most. */
  @Override
  public int compareTo(UnitId o) {
    int c = compareNatural(scope, o.scope);
    return c != 0 ? c : compareNatural(local, o.local);
  }

  /**
   * Compares runs of digits by value, so that 1.9 sorts before 1.10. Sorting thousands of units
   * calls this millions of times, so it allocates nothing.
   */
  public static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        // Skip leading zeros (keeping a last digit), then the longer run is the larger number.
        while (i + 1 < a.length() && a.charAt(i) == '0' && isDigit(a.charAt(i + 1))) {
          i++;
        }
        while (j + 1 < b.length() && b.charAt(j) == '0' && isDigit(b.charAt(j + 1))) {
          j++;
        }
        int ei = i;
        int ej = j;
        while (ei < a.length() && isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && isDigit(b.charAt(ej))) {
          ej++;
        }
        if (ei - i != ej - j) {
          return (ei - i) - (ej - j);
        }
        for (; i < ei; i++, j++) {
          if (a.charAt(i) != b.charAt(j)) {
            return a.charAt(i) - b.charAt(j);
          }
        }
      } else {
        if (ca != cb) {
          return ca - cb;
        }
        i++;
        j++;
      }
    }
    int rest = (a.length() - i) - (b.length() - j);
    return rest != 0 ? rest : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
