package dev.planbake.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitIdTest {

  @Test
  void numbersCompareByValue() {
    assertTrue(UnitId.global("1.9").compareTo(UnitId.global("1.10")) < 0);
    assertTrue(UnitId.global("1.10").compareTo(UnitId.global("1.9")) > 0);
    assertTrue(UnitId.global("2.0").compareTo(UnitId.global("10.0")) < 0);
  }

  @Test
  void sortsInNaturalOrderWithScopedIdsAfterGlobalOnes() {
    List<UnitId> ids =
        new ArrayList<>(
            List.of(
                UnitId.parse("billing-units#1.1"),
                UnitId.global("10.0"),
                UnitId.global("1.10"),
                UnitId.parse("auth-units#1.2"),
                UnitId.global("1.9"),
                UnitId.global("001-user-auth"),
                UnitId.global("1.2"),
                UnitId.parse("auth-units#1.10")));
    ids.sort(null);
    assertEquals(
        List.of(
            "001-user-auth",
            "1.2",
            "1.9",
            "1.10",
            "10.0",
            "auth-units#1.2",
            "auth-units#1.10",
            "billing-units#1.1"),
        ids.stream().map(UnitId::toString).toList());
  }

  @Test
  void leadingZerosDoNotMakeIdsEqual() {
    assertTrue(UnitId.global("01-a").compareTo(UnitId.global("001-a")) != 0);
  }

  @Test
  void parsesScopedAndBareIds() {
    UnitId scoped = UnitId.parse("auth-units#1.1");
    UnitId bare = UnitId.parse("1.1");
    assertAll(
        () -> assertEquals(new UnitId("auth-units", "1.1"), scoped),
        () -> assertEquals("auth-units#1.1", scoped.toString()),
        () -> assertEquals("auth-units/1.1", scoped.path()),
        () -> assertTrue(scoped.isScoped()),
        () -> assertEquals(UnitId.global("1.1"), bare),
        () -> assertEquals("1.1", bare.path()),
        () -> assertFalse(bare.isScoped()),
        () -> assertEquals(UnitId.global("#48"), UnitId.parse("#48")));
  }

  @Test
  void onlyDottedNumbersAreNumbered() {
    assertAll(
        () -> assertTrue(UnitId.global("1.0").isNumbered()),
        () -> assertTrue(UnitId.global("3.2.1").isNumbered()),
        () -> assertFalse(UnitId.global("1").isNumbered()),
        () -> assertFalse(UnitId.global("001-user-auth").isNumbered()));
  }

  @Test
  void naturalOrderAgreesWithTheDefinitionOnRandomIds() {
    java.util.Random r = new java.util.Random(7);
    String alphabet = "0001239.-a";
    for (int n = 0; n < 20_000; n++) {
      String a = random(r, alphabet);
      String b = random(r, alphabet);
      assertEquals(
          Integer.signum(reference(a, b)),
          Integer.signum(UnitId.compareNatural(a, b)),
          () -> a + " vs " + b);
    }
  }

  @Test
  void numberedIdsAreDottedNumbers() {
    assertAll(
        () -> assertTrue(UnitId.global("1.0").isNumbered()),
        () -> assertTrue(UnitId.global("12.3.4").isNumbered()),
        () -> assertFalse(UnitId.global("1").isNumbered()),
        () -> assertFalse(UnitId.global("1.").isNumbered()),
        () -> assertFalse(UnitId.global(".1").isNumbered()),
        () -> assertFalse(UnitId.global("1..2").isNumbered()),
        () -> assertFalse(UnitId.global("1.2a").isNumbered()),
        () -> assertFalse(UnitId.global("001-user-auth").isNumbered()));
  }

  private static String random(java.util.Random r, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(7); i >= 0; i--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** The order by its definition: digit runs compared as numbers, the rest char by char. */
  private static int reference(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        java.math.BigInteger na = new java.math.BigInteger(a.substring(si, i));
        java.math.BigInteger nb = new java.math.BigInteger(b.substring(sj, j));
        if (na.compareTo(nb) != 0) {
          return na.compareTo(nb);
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
}
