package dev.planbake.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.planbake.model.Document;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Repository;
import dev.planbake.model.Section;
import dev.planbake.model.Standing;
import dev.planbake.model.Task;
import dev.planbake.model.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code search/index.js}: the prebuilt search index, one entry per unit, read by the search page
 * (search.js runs the queries in the browser). It is a script that assigns the index to {@code
 * window.planbakeSearch} rather than a JSON file, so that search also works on a site opened from
 * disk, where browsers refuse {@code fetch}.
 *
 * <p>Keys are one letter to keep it small: {@code i} id, {@code l} label, {@code t} title, {@code
 * a} aliases, {@code f} source file, {@code u} URL from the site root, {@code s} where it stands
 * ({@code ready}, {@code blocked} ...: the badge every other page shows; its label and icon are
 * listed once under {@code statuses}, in the order a filter offers them), {@code p} [done, total],
 * {@code h} headings, {@code k} task texts, {@code b} the opening prose as written (its sentences,
 * each once), cut near {@link #BODY_CHARS}. Headings and sentences that many units share are left
 * out. Units are in repository order and keys in a fixed order, so the same plans give the same
 * bytes.
 */
final class SearchIndex {
  static final String PATH = "search/index.js";

  /** Prose is indexed as written, at most about this many characters per unit. */
  static final int BODY_CHARS = 320;

  /**
   * A heading or prose sentence found in more than this share of the units (and in more than {@link
   * #COMMON_MIN}) is boilerplate and left out.
   */
  static final int COMMON_PERCENT = 10;

  static final int COMMON_MIN = 20;

  /** Task texts are cut to this many characters each: the start of a task names it. */
  static final int TASK_CHARS = 120;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String SEP = " · ";

  private SearchIndex() {}

  /** What one unit contributes before boilerplate is dropped. */
  record Entry(Unit unit, List<String> headings, List<String> tasks, List<String> prose) {}

  /** The index script as UTF-8: tens of megabytes for 100,000 units, so never a String. */
  static byte[] render(Repository repo) {
    return render(repo, null);
  }

  /**
   * @param memo what the previous index read and wrote, to reuse (null: read and write every unit)
   */
  static byte[] render(Repository repo, SearchMemo memo) {
    Map<String, Plan> plans = new HashMap<>();
    for (Plan p : repo.plans()) {
      plans.put(p.slug(), p);
    }
    // A build reads every plan's text on all cores; a kept session takes nearly every entry as
    // last read, which costs less than handing the units out to other threads.
    List<Entry> entries =
        (memo == null ? repo.units().parallelStream() : repo.units().stream())
            .filter(u -> !u.placeholder())
            .map(
                u ->
                    memo == null
                        ? entry(u, plans.get(u.planSlug()))
                        : memo.entry(u, plans.get(u.planSlug())))
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream(memo == null ? 1 << 16 : memo.size());
    out.writeBytes(HEAD);
    if (memo == null) {
      write(entries, out);
    } else {
      memo.write(entries, out);
    }
    out.writeBytes(TAIL);
    if (memo != null) {
      memo.size(out.size());
    }
    return out.toByteArray();
  }

  /**
   * How many units may share a heading or word before it is boilerplate. One that many units share
   * ("Definition of Done", "the") tells none apart: dropping it is what keeps the index small on
   * large repositories.
   */
  static int common(int entries) {
    return Math.max(COMMON_MIN, entries * COMMON_PERCENT / 100);
  }

  /** Every entry counted, filtered and written: what a build does, which reads every plan once. */
  private static void write(List<Entry> entries, ByteArrayOutputStream out) {
    Tally headings = Tally.of(entries.stream().map(Entry::headings).toList());
    Tally prose = Tally.of(entries.stream().map(Entry::prose).toList());
    int common = common(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      append(
          out,
          i,
          json(
              e.unit,
              headings.rare(e.headings, common, Integer.MAX_VALUE),
              e.tasks,
              prose.rare(e.prose, common, Integer.MAX_VALUE)));
    }
  }

  /** Adds the entry at {@code index} to the list of units. */
  static void append(ByteArrayOutputStream out, int index, byte[] entry) {
    if (index > 0) {
      out.write(',');
    }
    out.writeBytes(entry);
  }

  /** One unit's entry: a JSON object. */
  static byte[] json(Unit u, List<String> headings, List<String> tasks, List<String> prose) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(g, u, headings, tasks, prose);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** What comes before the entries: the statuses' labels and icons, then the list of units. */
  private static final byte[] HEAD = head();

  private static final byte[] TAIL = "]};\n".getBytes(StandardCharsets.UTF_8);

  private static byte[] head() {
    ByteArrayOutputStream statuses = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(statuses, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("v", 1);
      g.writeObjectFieldStart("statuses");
      List<View.Status> shown = new ArrayList<>();
      for (Standing s : Standing.values()) {
        shown.add(Views.standing(s));
      }
      shown.add(Views.NOT_YET_PLANNED);
      for (View.Status v : shown) {
        g.writeArrayFieldStart(v.slug());
        g.writeString(v.label());
        g.writeString(v.icon());
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The object without its closing brace: the list of units goes in, and TAIL closes both.
    byte[] object = statuses.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("window.planbakeSearch=".getBytes(StandardCharsets.UTF_8));
    out.write(object, 0, object.length - 1);
    out.writeBytes(",\"units\":[".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static Entry entry(Unit u, Plan plan) {
    PlanUnit part = u.part();
    String title = u.title();
    List<String> headings = plan == null || part == null ? List.of() : headings(plan, part, title);
    List<String> tasks = new ArrayList<>();
    if (part != null) {
      for (Task t : part.content().tasks()) {
        String text = t.text().strip();
        if (!text.isEmpty()) {
          tasks.add(text.length() > TASK_CHARS ? text.substring(0, TASK_CHARS) : text);
        }
      }
    }
    List<String> prose = plan == null || plan.multiUnit() ? List.of() : Prose.sentences(plan);
    return new Entry(u, headings, tasks, prose);
  }

  private static void write(
      JsonGenerator g, Unit u, List<String> headings, List<String> tasks, List<String> prose)
      throws IOException {
    PlanUnit part = u.part();
    g.writeStartObject();
    g.writeStringField("i", u.id().toString());
    if (!u.label().equals(u.id().toString())) {
      g.writeStringField("l", u.label());
    }
    g.writeStringField("t", u.title());
    if (part != null && !part.aliases().isEmpty()) {
      g.writeStringField("a", String.join(" ", part.aliases()));
    }
    g.writeStringField("f", u.source());
    g.writeStringField("u", Urls.unitPage(u));
    g.writeStringField("s", Views.look(u).slug());
    g.writeArrayFieldStart("p");
    g.writeNumber(u.progress().done());
    g.writeNumber(u.progress().total());
    g.writeEndArray();
    if (!headings.isEmpty()) {
      g.writeStringField("h", String.join(SEP, headings));
    }
    if (!tasks.isEmpty()) {
      g.writeStringField("k", String.join(SEP, tasks));
    }
    if (!prose.isEmpty()) {
      g.writeStringField("b", body(prose));
    }
    g.writeEndObject();
  }

  /**
   * The headings of a unit: every heading of a single-unit plan, or those of the primary document
   * between the unit's own heading and the next unit's in a multi-unit file. The title itself and
   * repeated headings ("Definition of Done" in every unit) appear once.
   */
  private static List<String> headings(Plan plan, PlanUnit part, String title) {
    Set<String> out = new LinkedHashSet<>();
    if (plan.multiUnit()) {
      int from = part.line();
      int to = Integer.MAX_VALUE;
      for (PlanUnit other : plan.units()) {
        if (other.line() > from && other.line() < to) {
          to = other.line();
        }
      }
      Document d = plan.documents().get(0);
      for (Section s : d.sections()) {
        if (s.line() > from && s.line() < to) {
          out.add(s.title());
        }
      }
    } else {
      for (Document d : plan.documents()) {
        for (Section s : d.sections()) {
          out.add(s.title());
        }
      }
    }
    out.remove(title);
    out.removeIf(h -> h.contains(title) && h.length() - title.length() < 40);
    return new ArrayList<>(out);
  }

  /**
   * The sentences kept of a unit's prose, joined as written and cut at a word near {@link
   * #BODY_CHARS} with an ellipsis.
   */
  static String body(List<String> sentences) {
    StringBuilder out = new StringBuilder();
    for (String s : sentences) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(s);
      if (out.length() >= BODY_CHARS) {
        break;
      }
    }
    if (out.length() <= BODY_CHARS) {
      return out.toString();
    }
    int cut = out.lastIndexOf(" ", BODY_CHARS);
    return out.substring(0, cut < BODY_CHARS / 2 ? BODY_CHARS : cut) + "\u2026";
  }
}
