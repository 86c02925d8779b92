package dev.planbake.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.planbake.model.Document;
import dev.planbake.model.Html;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code search/index.js}: the prebuilt search index, one entry per unit, read by the search page
 * (Fuse.js runs the queries in the browser). It is a script that assigns the index to {@code
 * window.planbakeSearch} rather than a JSON file, so that search also works on a site opened from
 * disk, where browsers refuse {@code fetch}.
 *
 * <p>Keys are one letter to keep it small: {@code i} id, {@code l} label, {@code t} title, {@code
 * a} aliases, {@code f} source file, {@code u} URL from the site root, {@code s} where it stands
 * ({@code ready}, {@code blocked} ...: the badge every other page shows; its label and icon are
 * listed once under {@code statuses}, in the order a filter offers them), {@code p} [done, total],
 * {@code h} headings, {@code k} task texts, {@code b} the distinct words of the prose that are not
 * already in the other fields, capped at {@link #BODY_WORDS}. Headings and words that many units
 * share are left out. Units are in repository order and keys in a fixed order, so the same plans
 * give the same bytes.
 */
final class SearchIndex {
  static final String PATH = "search/index.js";

  /** Prose is indexed as a bag of distinct words, at most this many per unit. */
  static final int BODY_WORDS = 40;

  /** How much paragraph HTML is read per plan: the opening prose says what a plan is about. */
  static final int BODY_SCAN_CHARS = 2000;

  /** Words looked at per unit before the common ones are dropped. */
  static final int BODY_CANDIDATES = 3 * BODY_WORDS;

  /**
   * A heading or prose word found in more than this share of the units (and in more than {@link
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
  record Entry(Unit unit, List<String> headings, List<String> tasks, List<String> words) {}

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
    List<Entry> entries =
        repo.units().parallelStream()
            .filter(u -> !u.placeholder())
            .map(
                u ->
                    memo == null
                        ? entry(u, plans.get(u.planSlug()))
                        : memo.entry(u, plans.get(u.planSlug())))
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    out.writeBytes(HEAD);
    if (memo == null) {
      write(entries, out);
    } else {
      memo.write(entries, out);
    }
    out.writeBytes(TAIL);
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
    Tally words = Tally.of(entries.stream().map(Entry::words).toList());
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
              words.rare(e.words, common, BODY_WORDS)));
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
  static byte[] json(Unit u, List<String> headings, List<String> tasks, List<String> words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(g, u, headings, tasks, words);
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
    List<String> words =
        plan == null || plan.multiUnit() ? List.of() : bodyWords(plan, title, headings, tasks);
    return new Entry(u, headings, tasks, words);
  }

  private static void write(
      JsonGenerator g, Unit u, List<String> headings, List<String> tasks, List<String> words)
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
    if (!words.isEmpty()) {
      g.writeStringField("b", String.join(" ", words));
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
   * The distinct words of the plan's paragraphs that no other field of the entry holds. A scan with
   * {@code indexOf} and a hand-written tokenizer: regular expressions over every page's HTML cost
   * more than the rest of the index together.
   */
  private static List<String> bodyWords(
      Plan plan, String title, List<String> headings, List<String> tasks) {
    Set<String> known = new HashSet<>();
    words(title, 0, title.length(), known, Integer.MAX_VALUE);
    headings.forEach(h -> words(h, 0, h.length(), known, Integer.MAX_VALUE));
    tasks.forEach(t -> words(t, 0, t.length(), known, Integer.MAX_VALUE));
    Set<String> words = new LinkedHashSet<>();
    int[] budget = {BODY_SCAN_CHARS};
    for (Document d : plan.documents()) {
      if (words.size() >= BODY_CANDIDATES || budget[0] <= 0) {
        break;
      }
      // The words come from the first paragraphs: most documents need only their first
      // kilobytes inflated. A scan that runs off the end of a cut text starts again on all of it.
      Html html = d.body();
      Set<String> attempt = new LinkedHashSet<>(words);
      int[] tried = budget.clone();
      if (!paragraphWords(html.head(HEAD_BYTES), known, attempt, tried)
          && html.length() > HEAD_BYTES) {
        attempt = new LinkedHashSet<>(words);
        tried = budget.clone();
        paragraphWords(html.text(), known, attempt, tried);
      }
      words = attempt;
      budget = tried;
    }
    return new ArrayList<>(words);
  }

  /** How much of a document's HTML is inflated first for its words. */
  private static final int HEAD_BYTES = 16 * 1024;

  /**
   * Adds to {@code into} the words of the paragraphs of {@code html} not in {@code known}, until
   * the budget of characters or of candidates is spent.
   *
   * @return whether the scan stopped for the budget or the candidates, not at the end of the text
   */
  private static boolean paragraphWords(
      String html, Set<String> known, Set<String> into, int[] budget) {
    int at = 0;
    while (into.size() < BODY_CANDIDATES && budget[0] > 0) {
      int start = html.indexOf("<p>", at);
      int end = start < 0 ? -1 : html.indexOf("</p>", start);
      if (end < 0) {
        return false;
      }
      end = Math.min(end, start + 3 + budget[0]);
      budget[0] -= end - start - 3;
      Set<String> found = new LinkedHashSet<>();
      words(html, start + 3, end, found, BODY_CANDIDATES);
      for (String w : found) {
        if (!known.contains(w) && into.size() < BODY_CANDIDATES) {
          into.add(w);
        }
      }
      at = end + 4;
    }
    return true;
  }

  /**
   * Adds the words of {@code text[from, to)} to {@code into}, lower-cased, skipping tags and
   * character references: runs of letters and digits (with {@code _ ' -} inside), three or more
   * long.
   */
  static void words(String text, int from, int to, Set<String> into, int cap) {
    StringBuilder word = new StringBuilder(24);
    int i = from;
    while (i < to && into.size() < cap) {
      char c = text.charAt(i);
      if (c == '<' || c == '&') {
        int close = text.indexOf(c == '<' ? '>' : ';', i);
        flush(word, into);
        i = close < 0 || close >= to ? to : close + 1;
        continue;
      }
      if (c < 128) {
        // ASCII, most of any plan: the same answers as below without the Unicode tables.
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
          word.append(c);
        } else if (c >= 'A' && c <= 'Z') {
          word.append((char) (c + ('a' - 'A')));
        } else if (word.length() > 0 && (c == '_' || c == '\'' || c == '-')) {
          word.append(c);
        } else {
          flush(word, into);
        }
      } else if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      } else {
        flush(word, into);
      }
      i++;
    }
    flush(word, into);
  }

  private static void flush(StringBuilder word, Set<String> into) {
    int n = word.length();
    while (n > 0 && !Character.isLetterOrDigit(word.charAt(n - 1))) {
      n--;
    }
    if (n >= 3) {
      into.add(word.substring(0, n));
    }
    word.setLength(0);
  }
}
