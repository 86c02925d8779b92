package dev.planbake.parse;

import dev.planbake.model.FileChange;
import dev.planbake.model.Gate;
import dev.planbake.model.Link;
import dev.planbake.model.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gates, risks, files to change and important URLs of one document, read from its lines as
 * {@link DocumentReader} passes them. A gate or a risk can take its result or details from the
 * lines after it, so each stays pending until the next one, the next heading or the end.
 */
final class Extras {
  private static final Pattern FILES_HEADING =
      Pattern.compile(
          "(?i).*\\bfiles?\\b.*\\b(?:create|update|modify|change|touch|add)\\w*.*|(?:[\\d.]+\\s+)?"
              + "(?:files|changed files|files changed|file changes|affected files)\\s*");
  private static final Pattern URLS_HEADING =
      Pattern.compile(
          "(?i)(?:[\\d.]+\\s+)?(?:important |useful |external )?(?:urls?|links|resources"
              + "|references|documentation links)\\s*");
  private static final Pattern RISK_HEADING = Pattern.compile("(?i).*\\brisks?\\b.*");
  private static final Pattern FILE_VERB =
      Pattern.compile("(?i)\\b(create|add|update|modify|change)");
  private static final Pattern BOTH_VERBS = Pattern.compile(".*(create|add).*(update|modify).*");
  private static final Pattern GATE =
      Pattern.compile("(?i)^[^\\w]*gate\\s+(\\d+)\\b[*_]*\\s*[:.—–-]\\s*[*_]*\\s*(.*?)\\s*$");
  private static final Pattern GATE_RESULT_LINE =
      Pattern.compile("(?i)^[^\\w]*gate (?:result|status|evaluation)[*_]*\\s*:\\s*[*_]*\\s*(.*)$");
  private static final Pattern RESULT_LABEL =
      Pattern.compile("(?i)^[^\\w]*(?:status|result|outcome|verdict|decision)[*_]*\\s*:(.*)$");
  private static final Pattern RESULT_WORD =
      Pattern.compile(
          "\\b(PASS(?:ED|ES)?|FAIL(?:ED|S)?|CONDITIONAL(?:LY)?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RISK_ENTRY =
      Pattern.compile(
          "(?i)^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?risk\\s*\\d*(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+)$");
  private static final Pattern RISK_DETAIL =
      Pattern.compile(
          "(?i)^\\s*[-*+]\\s+(?:\\*\\*|__)?(impact|probability|likelihood|severity|mitigation)"
              + "(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+)$");
  private static final Pattern FILE_LABEL =
      Pattern.compile("(?i)^\\W*files? to (create|add|update|modify|change)\\b.*:\\W*$");
  private static final Pattern FILE_ITEM =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?(?:\\*\\*|__)?`?([^\\s`*]+)");
  private static final Pattern FILE_FIELD =
      Pattern.compile("(?i)^\\s*(?:[-*+]\\s+)?\\*\\*files?\\*\\*\\s*:\\s*`([^`]+)`");
  private static final Pattern HTTP_LINK =
      Pattern.compile("\\[([^\\]]*)\\]\\((https?://[^)\\s]+)\\)|<?(https?://[^\\s)>\\]]+)");

  private final IntFunction<String> lines;
  private final List<Gate> gates = new ArrayList<>();
  private final List<Risk> risks = new ArrayList<>();
  private final List<FileChange> files = new ArrayList<>();
  private final List<Link> urls = new ArrayList<>();
  private PendingGate pendingGate;
  private PendingRisk pendingRisk;
  private String fileAction = "";

  private static final class PendingGate {
    final String name;
    final int line;
    String result = "";

    PendingGate(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  private static final class PendingRisk {
    final String risk;
    final int line;
    String impact = "";
    String mitigation = "";

    PendingRisk(String risk, int line) {
      this.risk = risk;
      this.line = line;
    }
  }

  /** {@code lines} gives the document's line of a one-based number, for tables. */
  Extras(IntFunction<String> lines) {
    this.lines = lines;
  }

  // The section kinds, from a heading without its decoration and its ASCII lower case form (the
  // patterns run only on headings that have their word).

  static boolean filesHeading(String lower, String plain) {
    return lower.contains("file") && FILES_HEADING.matcher(plain).matches();
  }

  static boolean urlsHeading(String lower, String plain) {
    return (lower.contains("url")
            || lower.contains("link")
            || lower.contains("resource")
            || lower.contains("reference"))
        && URLS_HEADING.matcher(plain).matches();
  }

  static boolean risksHeading(String lower, String plain) {
    return lower.contains("risk") && RISK_HEADING.matcher(plain).matches();
  }

  /**
   * A heading ({@code plain}, at {@code line}) ends what is pending and may itself be a gate;
   * {@code top} is the heading it sits under, if any. A files heading that says "create" or
   * "update" gives the action of its items.
   */
  void heading(String plain, int line, boolean filesSection, String top) {
    flushGate();
    flushRisk();
    fileAction = "";
    if (filesSection) {
      Matcher m = FILE_VERB.matcher(plain);
      boolean both = BOTH_VERBS.matcher(plain.toLowerCase(Locale.ROOT)).matches();
      fileAction = both || !m.find() ? "" : action(m.group(1));
    }
    gateText(plain, line, top);
  }

  /**
   * A line of the document: {@code code} if it is in a code block, {@code inFiles} and {@code
   * inUrls} if a heading above it opened such a section; {@code top} is the heading it sits under.
   */
  void line(String text, int l, boolean code, boolean inFiles, boolean inUrls, String top) {
    if (!code) {
      gateText(text, l, top);
      riskText(text, l);
      if (PlainText.startsAfter(text, " -*+", "file")) {
        Matcher ff = FILE_FIELD.matcher(text);
        if (ff.find()) {
          files.add(new FileChange(ff.group(1).strip(), "", l));
        }
      }
    }
    if (inFiles) {
      fileLine(text, l);
    }
    if (inUrls) {
      Matcher m = HTTP_LINK.matcher(text);
      while (m.find()) {
        String url = m.group(2) != null ? m.group(2) : bareUrl(m.group(3));
        String label = m.group(1) != null ? m.group(1).strip() : url;
        urls.add(new Link(label, url, l));
      }
    }
  }

  /**
   * A bare URL without the punctuation that ends the sentence around it, as GitHub's autolinks (and
   * commonmark's) take it: {@code https://a.dev/x, https://b.dev} is two URLs, not {@code
   * https://a.dev/x,}. A closing parenthesis stays only if it closes one in the URL.
   */
  static String bareUrl(String url) {
    int end = url.length();
    while (end > 0) {
      char c = url.charAt(end - 1);
      if (".,:;!?*_~'\"".indexOf(c) >= 0) {
        end--;
      } else if (c == ')'
          && url.substring(0, end).chars().filter(x -> x == '(').count()
              < url.substring(0, end).chars().filter(x -> x == ')').count()) {
        end--;
      } else {
        break;
      }
    }
    return url.substring(0, end);
  }

  /** Ends what is pending, at the end of the document. */
  void end() {
    flushGate();
    flushRisk();
  }

  List<Gate> gates() {
    return gates;
  }

  List<Risk> risks() {
    return risks;
  }

  List<FileChange> files() {
    return files;
  }

  List<Link> urls() {
    return urls;
  }

  private void gateText(String text, int l, String top) {
    // GATE and GATE_RESULT_LINE start with "gate" after non-word characters.
    int word = 0;
    while (word < text.length() && !PlainText.isWordChar(text.charAt(word))) {
      word++;
    }
    boolean gate = PlainText.regionIgnoreCase(text, word, "gate");
    Matcher g = gate ? GATE.matcher(text) : null;
    if (g != null && g.matches()) {
      flushGate();
      String name = g.group(2).replaceAll("[*_`]", "").strip();
      pendingGate = new PendingGate(name, l);
      Matcher inline = RESULT_WORD.matcher(name);
      if (inline.find()) {
        pendingGate.result = result(inline.group(1));
      }
      return;
    }
    Matcher gr = gate ? GATE_RESULT_LINE.matcher(text) : null;
    if (gr != null && gr.matches()) {
      Matcher w = RESULT_WORD.matcher(gr.group(1));
      if (w.find()) {
        gates.add(new Gate(top == null ? "Gate" : top, result(w.group(1)), l));
      }
      return;
    }
    if (pendingGate != null && pendingGate.result.isEmpty() && text.indexOf(':') >= 0) {
      Matcher rl = RESULT_LABEL.matcher(text);
      if (rl.matches()) {
        Matcher w = RESULT_WORD.matcher(rl.group(1));
        if (w.find()) {
          pendingGate.result = result(w.group(1));
        }
      }
    }
  }

  private static String result(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return w.startsWith("PASS") ? "PASS" : w.startsWith("FAIL") ? "FAIL" : "CONDITIONAL";
  }

  private void flushGate() {
    if (pendingGate != null) {
      gates.add(new Gate(pendingGate.name, pendingGate.result, pendingGate.line));
      pendingGate = null;
    }
  }

  private void riskText(String text, int l) {
    if (text.indexOf(':') < 0) {
      return;
    }
    Matcher r = PlainText.startsAfter(text, "-*+_", "risk") ? RISK_ENTRY.matcher(text) : null;
    if (r != null && r.matches()) {
      flushRisk();
      pendingRisk = new PendingRisk(r.group(1).replaceAll("[*_]", "").strip(), l);
      return;
    }
    if (pendingRisk != null) {
      Matcher d = RISK_DETAIL.matcher(text);
      if (d.matches()) {
        String key = d.group(1).toLowerCase(Locale.ROOT);
        String value = d.group(2).replaceAll("[*_]", "").strip();
        if (key.equals("mitigation")) {
          pendingRisk.mitigation = value;
        } else if (pendingRisk.impact.isEmpty()) {
          pendingRisk.impact = value;
        }
      }
    }
  }

  private void flushRisk() {
    if (pendingRisk != null) {
      risks.add(
          new Risk(pendingRisk.risk, pendingRisk.impact, pendingRisk.mitigation, pendingRisk.line));
      pendingRisk = null;
    }
  }

  /** A table in a risks section: one risk per row, impact and mitigation from their columns. */
  void riskTable(int first, int last) {
    if (last - first < 2) {
      return;
    }
    List<String> head = cells(lines.apply(first));
    int impact = -1;
    int mitigation = -1;
    for (int i = 0; i < head.size(); i++) {
      String h = head.get(i).toLowerCase(Locale.ROOT);
      if (impact < 0 && h.matches(".*(impact|probability|likelihood|severity|level).*")) {
        impact = i;
      } else if (mitigation < 0 && h.matches(".*(mitigation|response|contingency|plan).*")) {
        mitigation = i;
      }
    }
    for (int l = first + 2; l <= last; l++) {
      List<String> row = cells(lines.apply(l));
      if (row.isEmpty() || row.get(0).isBlank()) {
        continue;
      }
      risks.add(new Risk(row.get(0), cell(row, impact), cell(row, mitigation), l));
    }
  }

  private static String cell(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : "";
  }

  private static List<String> cells(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|") && !r.endsWith("\\|")) {
      r = r.substring(0, r.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : r.split("(?<!\\\\)\\|", -1)) {
      out.add(c.replaceAll("[*_`]", "").strip());
    }
    return out;
  }

  private void fileLine(String text, int l) {
    Matcher label = FILE_LABEL.matcher(text);
    if (label.matches()) {
      fileAction = action(label.group(1));
      return;
    }
    Matcher item = FILE_ITEM.matcher(text);
    if (item.find()) {
      String path = item.group(1).replaceAll("[`*,;:]+$", "");
      if ((path.contains("/") || path.matches(".*\\.[A-Za-z0-9]{1,8}"))
          && !path.startsWith("http")) {
        files.add(new FileChange(path, fileAction, l));
      }
    }
  }

  private static String action(String verb) {
    String v = verb.toLowerCase(Locale.ROOT);
    return v.startsWith("create") || v.startsWith("add") ? "create" : "update";
  }
}
