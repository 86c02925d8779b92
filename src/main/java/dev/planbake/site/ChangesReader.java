package dev.planbake.site;

import dev.planbake.diag.Diagnostics;
import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Progress;
import dev.planbake.model.Status;
import dev.planbake.model.Task;
import dev.planbake.parse.PlanParser;
import dev.planbake.scan.PlanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the versions of plan files that the changelog compares, with the site's reader, each file
 * on its own, each (path, text) once; safe to call from several threads.
 *
 * <p>Most versions of a plan differ from the one before only in ticked boxes. Those are read once
 * with every box of a task line unticked, the <em>template</em>, and each version is then the
 * template with its own boxes: the reader's tasks are the template's (the same lines, headings and
 * units, since only the character between the brackets differs), and a task is ticked when its
 * line's box holds {@code x} or {@code X}, as the reader decides. A version where that cannot be
 * shown line by line (a task the template reads elsewhere than on a box line, a {@code [x]:} link
 * definition that would make a box a link, lone carriage returns) is read in full. A build of 1,000
 * plans with 500 commits of history reads about a third as many texts this way.
 */
final class ChangesReader {
  /** A list item's box, ticked or not (group 1: the character between the brackets). */
  private static final Pattern BOX =
      Pattern.compile("^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[(.)\\]");

  /** A link reference definition whose label a box could be: {@code [x]: /url}. */
  private static final Pattern BOX_LABEL =
      Pattern.compile("^ {0,3}\\[[ xX]\\]:", Pattern.MULTILINE);

  private static final String FILE = "\u0000file";

  private final Path root;
  private final Map<Key, Read> read = new ConcurrentHashMap<>();
  private final Map<Key, Template> templates = new ConcurrentHashMap<>();

  /** Each text unticked ({@link #blank}), by text: the history shares one string per blob. */
  private final Map<String, String> blanks = new ConcurrentHashMap<>();

  private final AtomicInteger parsed = new AtomicInteger();

  ChangesReader(Path root) {
    this.root = root;
  }

  /** A unit as one version of a file says it. */
  record State(String title, Status status, int done, int total) {}

  /**
   * One version of a file: its units by local id (or title), with the file as a whole under {@link
   * #FILE} when it holds several, and all its boxes.
   */
  record Read(Map<String, State> units, Progress boxes) {
    /** The file as a whole: its only unit, or its plan's title and all its boxes; null if none. */
    State whole() {
      if (units.isEmpty()) {
        return null;
      }
      State file = units.get(FILE);
      return file != null ? file : units.values().iterator().next();
    }

    /** Whether {@code key} names the file as a whole rather than a unit. */
    static boolean file(String key) {
      return FILE.equals(key);
    }
  }

  private record Key(String source, String text) {}

  /**
   * A unit of a template: what the reader found, and where its tasks' boxes are: the place in the
   * text of the character between each task's brackets, the same in every version of the template
   * (unticking a box changes one character for another).
   */
  private record Slot(String key, String title, Status declared, int[] boxes) {}

  /**
   * A version read with every box unticked, and its units' slots (null when it cannot stand for
   * other versions).
   */
  private record Template(Read read, List<Slot> units, int[] rest, String title) {}

  /** How many texts were read in full so far (the rest came from templates). */
  int parsed() {
    return parsed.get();
  }

  /** Forgets every text read (a new HEAD brings other versions). */
  void clear() {
    read.clear();
    templates.clear();
    blanks.clear();
    parsed.set(0);
  }

  Read read(String source, String text) {
    Key key = new Key(source, text);
    Read r = read.get(key);
    if (r != null) {
      return r;
    }
    r = fromTemplate(source, text);
    if (r == null) {
      r = of(parse(source, text));
    }
    read.put(key, r);
    return r;
  }

  /** {@code text} unticked, made once for each text. */
  String unticked(String text) {
    return blanks.computeIfAbsent(text, ChangesReader::blank);
  }

  private Read fromTemplate(String source, String text) {
    if (boxLabel(text) || loneCarriageReturn(text)) {
      return null;
    }
    String blank = unticked(text);
    // Read outside the map's locks (a reading takes a while); two threads that meet on one
    // template may both read it, and keep the first.
    Key at = new Key(source, blank);
    Template t = templates.get(at);
    if (t == null) {
      Template mine = template(source, blank);
      Template first = templates.putIfAbsent(at, mine);
      t = first == null ? mine : first;
    }
    if (blank.equals(text)) {
      return t.read();
    }
    return t.units() == null ? null : with(t, text);
  }

  /** The version {@code text} of template {@code t}: its units with its boxes. */
  private static Read with(Template t, String text) {
    Map<String, State> out = new LinkedHashMap<>();
    Progress all = ticked(t.rest(), text);
    for (Slot s : t.units()) {
      Progress p = ticked(s.boxes(), text);
      all = all.plus(p);
      Status status = s.declared() != null ? s.declared() : Status.derivedFrom(p);
      out.putIfAbsent(s.key(), new State(s.title(), status, p.done(), p.total()));
    }
    if (out.size() > 1) {
      out.put(FILE, new State(t.title(), Status.derivedFrom(all), all.done(), all.total()));
    }
    return new Read(out, all);
  }

  /**
   * Takes {@code plan}, which the build read from {@code text} as a plan of that one file, as the
   * reading of {@code text} and, when each of its tasks sits on its own line's box, as the template
   * of the versions that differ from it only in ticked boxes: the build reads every file at HEAD,
   * and most versions the changelog compares differ from HEAD's only in ticks, so their template
   * need not be read again. A reading already made is kept.
   */
  void offer(String source, String text, Plan plan) {
    Key key = new Key(source, text);
    if (read.containsKey(key)) {
      return;
    }
    if (!boxLabel(text) && !loneCarriageReturn(text)) {
      String blank = unticked(text);
      Key at = new Key(source, blank);
      if (!templates.containsKey(at)) {
        Template t = template(plan, blank, text.split("\n", -1));
        if (t != null) {
          templates.putIfAbsent(at, t);
        }
      }
    }
    read.putIfAbsent(key, of(plan));
  }

  /**
   * The template that {@code plan}, read from a version whose lines are {@code lines} and whose
   * lines unticked are {@code blank}, stands for; null when a task of it is not on its line's box
   * or not ticked as that box is.
   */
  private static Template template(Plan plan, String blank, String[] lines) {
    String[] blankLines = blank.split("\n", -1);
    int[] starts = starts(blankLines);
    List<Slot> slots = new ArrayList<>();
    for (PlanUnit u : plan.units()) {
      int[] at = boxes(u.content().tasks(), blankLines, starts, lines);
      if (at == null) {
        return null;
      }
      String key = u.localId().isEmpty() ? u.title() : u.localId();
      Status declared = u.declared().present() ? u.declared().status() : null;
      slots.add(new Slot(key, u.title(), declared, at));
    }
    int[] rest = boxes(plan.rest().tasks(), blankLines, starts, lines);
    if (rest == null) {
      return null;
    }
    Template t = new Template(null, slots, rest, plan.title());
    return new Template(with(t, blank), slots, rest, plan.title());
  }

  /**
   * {@code text} with the box of every list item that starts a line unticked ({@code [x]} and
   * {@code [X]} become {@code [ ]}): what {@code ^([ \\t]*(?:[-*+]|\\d{1,9}[.)])[
   * \\t]+\\[)[xX](\\])} in multi-line mode, replaced by its groups around a space, gives, found by
   * hand: from each {@code [x]} back to its line's start.
   */
  static String blank(String text) {
    // Copied in runs between the boxes: a text of Latin-1 characters stays one byte a character.
    StringBuilder out = null;
    int copied = 0;
    for (int i = text.indexOf('['); i >= 0 && i + 2 < text.length(); i = text.indexOf('[', i + 1)) {
      char x = text.charAt(i + 1);
      if ((x == 'x' || x == 'X') && text.charAt(i + 2) == ']' && startsItem(text, i)) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, i + 1).append(' ');
        copied = i + 2;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * Whether the {@code [} at {@code box} follows a list item's marker at its line's start: blanks
   * and tabs, {@code -}, {@code *}, {@code +} or one to nine digits and {@code .} or {@code )}, one
   * or more blanks or tabs. A line starts after {@code \\n}, {@code \\r}, {@code \\u0085}, {@code
   * \\u2028} and {@code \\u2029}, as for {@code ^} in multi-line mode.
   */
  private static boolean startsItem(String text, int box) {
    int i = box - 1;
    int gap = i;
    while (i >= 0 && blankOrTab(text.charAt(i))) {
      i--;
    }
    if (i == gap || i < 0) {
      return false;
    }
    char c = text.charAt(i);
    if (c == '.' || c == ')') {
      int end = i;
      i--;
      while (i >= 0 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i--;
      }
      int digits = end - 1 - i;
      if (digits < 1 || digits > 9) {
        return false;
      }
    } else if (c == '-' || c == '*' || c == '+') {
      i--;
    } else {
      return false;
    }
    while (i >= 0 && blankOrTab(text.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char end = text.charAt(i);
    return end == '\n' || end == '\r' || end == '\u0085' || end == '\u2028' || end == '\u2029';
  }

  private static boolean blankOrTab(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * The boxes at {@code boxes} in {@code text}, a version of their template: ticked when the
   * character between the brackets is {@code x} or {@code X}, as the box's line matches {@link
   * #BOX} there (the line's start up to the box is the template's, which matched).
   */
  private static Progress ticked(int[] boxes, String text) {
    int done = 0;
    for (int at : boxes) {
      char c = text.charAt(at);
      if (c == 'x' || c == 'X') {
        done++;
      }
    }
    return new Progress(done, boxes.length);
  }

  /** Where each of {@code lines} starts in the text they were split from at {@code \n}. */
  private static int[] starts(String[] lines) {
    int[] starts = new int[lines.length];
    int at = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = at;
      at += lines[i].length() + 1;
    }
    return starts;
  }

  /**
   * The template read from {@code blank}: usable when every task the reader found sits on its own
   * line's unticked box, so that another version's box on that line is that task's box.
   */
  private Template template(String source, String blank) {
    Plan plan = parse(source, blank);
    Read read = of(plan);
    String[] lines = blank.split("\n", -1);
    int[] starts = starts(lines);
    List<Slot> slots = new ArrayList<>();
    for (PlanUnit u : plan.units()) {
      int[] at = boxes(u.content().tasks(), lines, starts, null);
      if (at == null) {
        return new Template(read, null, null, null);
      }
      String key = u.localId().isEmpty() ? u.title() : u.localId();
      Status declared = u.declared().present() ? u.declared().status() : null;
      slots.add(new Slot(key, u.title(), declared, at));
    }
    int[] rest = boxes(plan.rest().tasks(), lines, starts, null);
    return rest == null
        ? new Template(read, null, null, null)
        : new Template(read, slots, rest, plan.title());
  }

  /**
   * Where the boxes of {@code tasks} are in the text, or null if one of them is not on its line's
   * box in {@code blank} (the text's lines with its boxes unticked, starting at {@code starts}), or
   * is not ticked as that box is in {@code ticked} (the lines the tasks were read from; null when
   * they were read from {@code blank}).
   */
  private static int[] boxes(List<Task> tasks, String[] blank, int[] starts, String[] ticked) {
    int[] at = new int[tasks.size()];
    for (int i = 0; i < at.length; i++) {
      Task t = tasks.get(i);
      int l = t.line();
      if (l < 1 || l > blank.length) {
        return null;
      }
      Matcher m = BOX.matcher(blank[l - 1]);
      if (!m.find() || !m.group(1).equals(" ")) {
        return null;
      }
      boolean done = false;
      if (ticked != null) {
        Matcher v = BOX.matcher(ticked[l - 1]);
        done = v.find() && (v.group(1).equals("x") || v.group(1).equals("X"));
      }
      if (t.done() != done) {
        return null;
      }
      at[i] = starts[l - 1] + m.start(1);
    }
    return at;
  }

  /** Whether {@code text} has a line that {@link #BOX_LABEL} matches (none without {@code ]:}). */
  private static boolean boxLabel(String text) {
    return text.contains("]:") && BOX_LABEL.matcher(text).find();
  }

  private static boolean loneCarriageReturn(String text) {
    for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
      if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
        return true;
      }
    }
    return false;
  }

  private Plan parse(String source, String text) {
    parsed.incrementAndGet();
    return PlanParser.parse(
        new PlanSource(root, "", List.of(new PlanSource.File(source, text))),
        new Diagnostics(),
        false);
  }

  /** What the changelog needs of a plan read in full. */
  static Read of(Plan plan) {
    Map<String, State> out = new LinkedHashMap<>();
    for (PlanUnit u : plan.units()) {
      Progress p = u.content().progress();
      Status status = u.declared().present() ? u.declared().status() : Status.derivedFrom(p);
      String key = u.localId().isEmpty() ? u.title() : u.localId();
      out.putIfAbsent(key, new State(u.title(), status, p.done(), p.total()));
    }
    Progress all = plan.progress();
    if (out.size() > 1) {
      out.put(FILE, new State(plan.title(), Status.derivedFrom(all), all.done(), all.total()));
    }
    return new Read(out, all);
  }
}
