package dev.planbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard's short lists are made of without sorting or matching every unit: the first
 * few in order, and the date a unit's reference shows.
 */
class ShortListsTest {
  /** An item with a sort key that many share, and its place in the input. */
  private record Item(int key, int place) {}

  @Test
  void theFirstFewAreWhatSortingAllAndTakingThemGives() {
    Random random = new Random(7);
    Comparator<Item> byKey = Comparator.comparingInt(Item::key);
    for (int round = 0; round < 500; round++) {
      List<Item> items = new ArrayList<>();
      int size = random.nextInt(40);
      for (int i = 0; i < size; i++) {
        items.add(new Item(random.nextInt(8), i));
      }
      int n = 1 + random.nextInt(12);
      // Equal keys keep their order, as a stable sort keeps it.
      assertEquals(
          items.stream().sorted(byKey).limit(n).toList(),
          Dashboard.first(items, n, byKey),
          items + " first " + n);
    }
  }

  @Test
  void theDateOfATextIsTheFirstThePatternFinds() {
    Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    List<String> texts =
        List.of(
            "",
            "2026-05-14",
            "updated 2026-05-14 after 2025-01-01",
            "plans/2026-01-25-migration.md",
            "12026-01-25",
            "2026-1-25 then 2026-01-2 then 2026-01-25",
            "2026--01-25-2027-02-03",
            "99-2026-01-2x 2026-01-29",
            "٢٠٢٦-٠١-٢٥ is not in ASCII digits",
            "-----",
            "2026-01-2",
            "unit-3-0-customer-portal.md");
    for (String text : texts) {
      Matcher m = date.matcher(text);
      assertEquals(m.find() ? m.group() : "", Views.isoDate(text), text);
    }
  }
}
