package dev.planbake.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planbake.GenPlans;
import dev.planbake.StatusFile;
import dev.planbake.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The correctness bar of PRODUCT.md §4: on generated corpora, status.json agrees with the
 * generator's truth.json on every unit id, style, task count and depends-on edge, with no unit
 * missing or extra, and the same plans always give the same bytes.
 */
class GenPlansTruthTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void statusJsonMatchesTruthForFiveHundredPlans(int seed, @TempDir Path tmp) throws Exception {
    GenPlans.generate(tmp, 500, seed, false);
    Settings settings = Settings.defaults().withPlans(List.of(tmp.resolve("plans")));

    Site.build(settings.withOut(tmp.resolve("out")));
    Site.build(settings.withOut(tmp.resolve("again")));

    byte[] first = Files.readAllBytes(tmp.resolve("out/status.json"));
    StatusFile status = StatusFile.read(tmp.resolve("out/status.json"));
    List<GenPlans.Truth> truth = GenPlans.truth(tmp);
    assertTrue(truth.size() >= 500, "truth.json lists " + truth.size() + " units");
    assertEquals(List.of(), GenPlans.differences(truth, status, List.of()));
    assertEquals(truth.size(), status.units().size(), "units in status.json");
    assertArrayEquals(
        first,
        Files.readAllBytes(tmp.resolve("again/status.json")),
        "status.json differs between two builds of the same plans");
  }
}
