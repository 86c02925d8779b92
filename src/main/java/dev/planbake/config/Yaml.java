package dev.planbake.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML mapping (a config file or a plan's front matter) into entries with line numbers. The
 * loader is safe: it only composes nodes (never constructs Java objects), caps aliases, and refuses
 * documents above a size limit, so a hostile file cannot expand into gigabytes.
 */
public final class Yaml {
  private static final int MAX_CODE_POINTS = 1 << 20;
  private static final int MAX_ALIASES = 20;

  private Yaml() {}

  /**
   * One top-level key. {@code scalar} is the text of a scalar value ("" otherwise); {@code items}
   * holds the scalars of a sequence value. Nested mappings keep neither (their lines are shown as
   * text by whoever needs them); {@code mapping} says the value was one, so that a key that takes a
   * value or a list can say it got neither.
   */
  public record Entry(
      String key, int line, String scalar, List<String> items, boolean sequence, boolean mapping) {
    public Entry {
      items = List.copyOf(items);
    }

    /** A scalar or sequence value. */
    public Entry(String key, int line, String scalar, List<String> items, boolean sequence) {
      this(key, line, scalar, items, sequence, false);
    }

    /** The value as a list: the items of a sequence, or the scalar split on commas. */
    public List<String> values() {
      if (sequence) {
        return items;
      }
      List<String> out = new ArrayList<>();
      for (String part : scalar.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
  }

  /** A YAML text that cannot be read, with the 1-based line of the problem within the text. */
  public static final class Problem extends Exception {
    private final int line;

    Problem(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** Reads the top-level mapping of {@code text}; an empty text gives no entries. */
  public static List<Entry> readMapping(String text) throws Problem {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            .setLabel("yaml")
            .build();
    Node root;
    try {
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      throw new Problem(line, firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
    } catch (YamlEngineException | IllegalArgumentException e) {
      throw new Problem(1, firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new Problem(1, "nested too deeply");
    }
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new Problem(line(root), "expected `key: value` lines, found a " + kind(root));
    }
    List<Entry> entries = new ArrayList<>();
    // Composing alone never checks duplicate keys (only constructing objects does), so check here.
    // The message names no other line: front matter shifts every line, and the key is enough.
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : mapping.getValue()) {
      Node k = t.getKeyNode();
      Node v = t.getValueNode();
      if (!(k instanceof ScalarNode ks)) {
        throw new Problem(line(k), "keys must be plain words");
      }
      String key = ks.getValue();
      if (!seen.add(key)) {
        throw new Problem(line(k), "duplicate key `" + key + "`");
      }
      if (v instanceof ScalarNode sv) {
        entries.add(new Entry(key, line(k), sv.getValue(), List.of(), false));
      } else if (v instanceof SequenceNode seq) {
        List<String> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          if (item instanceof ScalarNode si) {
            items.add(si.getValue());
          }
        }
        entries.add(new Entry(key, line(k), "", items, true));
      } else {
        entries.add(new Entry(key, line(k), "", List.of(), false, true));
      }
    }
    return entries;
  }

  private static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  private static String kind(Node n) {
    return n instanceof SequenceNode ? "list" : "single value";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid YAML";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
