package dev.planbake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.planbake.TestSite;
import dev.planbake.config.Settings;
import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Content;
import dev.planbake.model.Document;
import dev.planbake.model.FileChange;
import dev.planbake.model.Gate;
import dev.planbake.model.Link;
import dev.planbake.model.Phase;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Reference;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Risk;
import dev.planbake.model.Section;
import dev.planbake.model.Task;
import dev.planbake.scan.PlanSource;
import dev.planbake.scan.Scanner;
import dev.planbake.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One filled-in plan per seed style ({@code fixtures/styles/}), read by the parser and compared
 * with a golden JSON per plan ({@code golden/styles/<slug>.json}): sections, phases, gates, risks,
 * files, URLs, references and tasks, each with its line. Run with {@code -DupdateGolden=true} to
 * rewrite the golden files after an intended change, then review the diff.
 */
class StyleFixturesTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "styles");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "styles");
  private static final boolean UPDATE = Boolean.getBoolean("planbake.updateGolden");

  @TestFactory
  Stream<DynamicTest> everyFixtureReadsAsItsGoldenFileSays() throws IOException {
    return plans().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.source(),
                    () -> {
                      Path golden = GOLDEN.resolve(p.slug() + ".json");
                      String actual = json(p);
                      if (UPDATE) {
                        Files.createDirectories(GOLDEN);
                        Files.writeString(golden, actual);
                      }
                      assertEquals(Files.readString(golden).replace("\r\n", "\n"), actual);
                    }));
  }

  @Test
  void onePlanPerStyleAndAGoldenFileForEach() throws IOException {
    List<Plan> plans = plans();
    assertEquals(
        List.of("phased", "spec", "speckit", "technical", "unit"),
        plans.stream().map(p -> p.style().slug()).sorted().toList());
    List<String> goldens;
    try (Stream<Path> s = Files.list(GOLDEN)) {
      goldens = s.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(
        new TreeSet<>(plans.stream().map(p -> p.slug() + ".json").toList()),
        new TreeSet<>(goldens));
  }

  @Test
  void theFixturesParseWithoutProblems() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    for (PlanSource s : new Scanner(List.of(), 1_000_000, diagnostics).scan(List.of(FIXTURES))) {
      PlanParser.parse(s, diagnostics);
    }
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void theFixturesReferToEachOther() throws IOException {
    Site.Result r = Site.check(Settings.defaults().withPlans(List.of(FIXTURES)));
    List<String> edges =
        r.repository().edges().stream()
            .map(e -> e.from() + (e.kind() == Direction.RELATED ? " ~ " : " -> ") + e.to())
            .toList();
    assertEquals(
        List.of(
            // Critical Path: Must Complete First: Unit 2.1
            "001-export-center -> 2.1",
            // Upstream, inside a fence: "(#48)", the alias in the phased plan's H1
            "2.1 -> 2026-04-01-webhook-retries",
            // Related Work, inside a fence: a link to the spec fixture
            "2.1 ~ plan-2026-02-10-audit-log",
            // Downstream, inside a fence: "planned Unit 3.2", not written yet
            "3.2 -> 2.1",
            // References: "Builds on ... `spec/plan-2026-02-10-audit-log.md`"
            "2026-04-01-webhook-retries -> plan-2026-02-10-audit-log"),
        edges);
    assertEquals(
        List.of(
            "units/unit-2-1-session-store.md:76: error: dangling reference: Unit 1.1 does not"
                + " exist (nearest: Unit 2.1)",
            "units/unit-2-1-session-store.md:76: error: dangling reference: Unit 1.2 does not"
                + " exist (nearest: Unit 2.1)"),
        TestSite.lines(r));
  }

  private static List<Plan> plans() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    List<Plan> plans = new ArrayList<>();
    for (PlanSource s : new Scanner(List.of(), 1_000_000, diagnostics).scan(List.of(FIXTURES))) {
      plans.add(PlanParser.parse(s, diagnostics));
    }
    return PlanParser.uniqueSlugs(plans);
  }

  // ---- the golden form: ordered maps, one line per item where it helps review

  private static String json(Plan p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slug", p.slug());
    m.put("source", p.source());
    m.put("files", p.files());
    m.put("style", p.style().slug());
    m.put("title", p.title());
    m.put("multi_unit", p.multiUnit());
    List<Object> units = new ArrayList<>();
    for (PlanUnit u : p.units()) {
      Map<String, Object> um = new LinkedHashMap<>();
      um.put("id", u.localId());
      um.put("title", u.title());
      um.put("declared_status", u.declared().status().slug());
      um.put("declared_from", u.declared().from());
      um.put("declared_line", u.declared().line());
      um.put("aliases", u.aliases());
      um.putAll(content(u.content()));
      units.add(um);
    }
    m.put("units", units);
    if (!p.rest().isEmpty()) {
      m.put("rest", content(p.rest()));
    }
    List<Object> docs = new ArrayList<>();
    for (Document d : p.documents()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("source", d.source());
      dm.put("title", d.title());
      List<String> sections = new ArrayList<>();
      for (Section s : d.sections()) {
        sections.add(
            "L"
                + s.line()
                + " "
                + "#".repeat(s.level())
                + " "
                + s.title()
                + " {#"
                + s.anchor()
                + "} "
                + progress(s.progress()));
      }
      dm.put("sections", sections);
      docs.add(dm);
    }
    m.put("documents", docs);
    StringBuilder out = new StringBuilder();
    write(out, m, "");
    return out.append('\n').toString();
  }

  /** JSON with every list item on its own line, so a changed line shows as one line of diff. */
  private static void write(StringBuilder out, Object v, String indent) throws IOException {
    String inner = indent + "  ";
    if (v instanceof Map<?, ?> map) {
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(inner).append(JSON.std.asString(e.getKey())).append(": ");
        write(out, e.getValue(), inner);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(inner);
        write(out, list.get(i), inner);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(JSON.std.asString(v));
    }
  }

  private static Map<String, Object> content(Content c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", progress(c.progress()));
    List<String> tasks = new ArrayList<>();
    for (Task t : c.tasks()) {
      tasks.add(t.source() + ":" + t.line() + " [" + (t.done() ? "x" : " ") + "] " + t.text());
    }
    m.put("task_list", tasks);
    List<Object> phases = new ArrayList<>();
    for (Phase ph : c.phases()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("number", ph.number());
      pm.put("name", ph.name());
      pm.put("level", ph.level());
      pm.put("anchor", ph.anchor());
      pm.put("line", ph.line());
      pm.put("progress", progress(ph.progress()));
      pm.put("goal", ph.goal());
      pm.put("duration", ph.duration());
      phases.add(pm);
    }
    m.put("phases", phases);
    List<String> gates = new ArrayList<>();
    for (Gate g : c.gates()) {
      gates.add("L" + g.line() + " " + g.name() + " = " + g.result());
    }
    m.put("gates", gates);
    List<Object> risks = new ArrayList<>();
    for (Risk r : c.risks()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("line", r.line());
      rm.put("risk", r.risk());
      rm.put("impact", r.impact());
      rm.put("mitigation", r.mitigation());
      risks.add(rm);
    }
    m.put("risks", risks);
    List<String> files = new ArrayList<>();
    for (FileChange f : c.files()) {
      files.add("L" + f.line() + " " + (f.action().isEmpty() ? "-" : f.action()) + " " + f.path());
    }
    m.put("files", files);
    List<String> urls = new ArrayList<>();
    for (Link l : c.urls()) {
      urls.add("L" + l.line() + " [" + l.label() + "] " + l.url());
    }
    m.put("urls", urls);
    List<String> refs = new ArrayList<>();
    for (Reference r : c.references()) {
      refs.add(
          r.at().source()
              + ":"
              + r.at().line()
              + " "
              + r.direction().name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + r.target().kind().name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + r.target().value());
    }
    m.put("references", refs);
    return m;
  }

  private static String progress(Progress p) {
    return p.done() + "/" + p.total();
  }
}
