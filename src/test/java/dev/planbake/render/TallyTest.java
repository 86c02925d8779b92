package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How many entries hold each string, counted once or kept up to date from the lists that moved. */
class TallyTest {
  @Test
  void aListGivenTwiceCountsTwiceAndOnceWhenOneGoes() {
    // Every unit of a multi-unit file gives the same List.of() for its prose words.
    List<String> shared = List.of("alpha", "beta");
    List<String> other = new ArrayList<>(List.of("alpha"));
    Tally t = new Tally();
    t.recount(List.of(shared, shared, other), 2);
    assertEquals(3, t.count("alpha"));
    assertEquals(2, t.count("beta"));

    Set<String> crossed = t.recount(List.of(shared, other), 2);
    assertEquals(2, t.count("alpha"));
    assertEquals(1, t.count("beta"));
    assertEquals(Set.of("alpha"), crossed, "alpha went from above 2 to 2; beta stayed at most 2");
  }

  @Test
  void anEqualListThatIsAnotherObjectTakesThePlaceOfTheOld() {
    List<String> read = new ArrayList<>(List.of("alpha", "beta"));
    Tally t = new Tally();
    assertEquals(Set.of("alpha", "beta"), t.recount(List.of(read), 0));

    List<String> readAgain = new ArrayList<>(List.of("alpha", "gamma"));
    assertEquals(Set.of("beta", "gamma"), t.recount(List.of(readAgain), 0));
    assertEquals(1, t.count("alpha"));
    assertEquals(0, t.count("beta"));

    assertEquals(Set.of("alpha", "gamma"), t.recount(List.of(), 0));
    assertEquals(0, t.count("alpha"));
  }

  @Test
  void aRecountKeepsTheCountsOfCountingEverythingOnce() {
    List<String> a = List.of("alpha", "beta");
    List<String> b = new ArrayList<>(List.of("beta", "gamma"));
    List<String> c = new ArrayList<>(List.of("gamma", "delta"));
    Tally kept = new Tally();
    kept.recount(List.of(a, b), 1);
    kept.recount(List.of(b, c, a, c), 1);
    Tally once = Tally.of(List.of(b, c, a, c));
    for (String s : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
      assertEquals(once.count(s), kept.count(s), s);
    }
    assertEquals(List.of("alpha"), kept.rare(List.of("alpha", "beta", "gamma", "delta"), 1, 9));
    assertEquals(List.of("beta"), kept.rare(List.of("beta", "gamma", "delta"), 2, 1));
  }
}
