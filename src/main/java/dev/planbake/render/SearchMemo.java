package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.PlanUnit;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a kept session ({@code serve}) carries from one search index to the next, so that an edit
 * costs work in proportion to what it changed rather than to the size of the repository: the prose
 * of each unit as last read, how many units hold each heading and word, and each unit's entry as
 * last written. Only what the last index used is kept.
 */
final class SearchMemo {
  /**
   * The headings, tasks and prose of a unit as last read, by the identity of its part of a plan: in
   * {@code serve} a plan that was not parsed again keeps its objects, so an edit re-reads one
   * plan's text instead of every plan's, and the lists of the others are the same objects as last
   * time.
   */
  private record Read(
      Plan plan, String title, List<String> headings, List<String> tasks, List<String> prose) {}

  /**
   * A unit's entry as last written: the unit and the lists it was read from (the same objects while
   * its plan is not parsed again), the headings and prose it kept of them, and its JSON.
   */
  private record Written(
      Unit unit,
      List<String> headings,
      List<String> prose,
      List<String> keptHeadings,
      List<String> keptProse,
      byte[] bytes) {}

  /** No threshold is known: the last index was not written to the end, or there was none. */
  private static final int UNKNOWN = -1;

  private Map<PlanUnit, Read> last = new IdentityHashMap<>();
  private final Map<PlanUnit, Read> next = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Tally headings = new Tally();
  private final Tally prose = new Tally();

  /** The threshold of commonness the last index was written with. */
  private int common = UNKNOWN;

  /** The size of the last index: the next is about as large, so its buffer never grows. */
  private int size = 1 << 16;

  private Map<UnitId, Written> lastWritten = new HashMap<>();
  private Map<UnitId, Written> nextWritten = new HashMap<>();

  int size() {
    return size;
  }

  void size(int last) {
    size = last + (last >> 4);
  }

  /** The unit's headings, tasks and prose: as last read if its plan was not parsed again. */
  SearchIndex.Entry entry(Unit u, Plan plan) {
    PlanUnit part = u.part();
    if (part == null) {
      return SearchIndex.entry(u, plan);
    }
    Read w = last.get(part);
    if (w == null || w.plan != plan || !w.title.equals(u.title())) {
      SearchIndex.Entry e = SearchIndex.entry(u, plan);
      // A plan parsed again after a ticked box has the same headings and prose: the lists last
      // written stand for them, so that neither the counts nor the entry's filtering see a change.
      Written was = lastWritten.get(u.id());
      List<String> headings =
          was != null && was.headings.equals(e.headings()) ? was.headings : e.headings();
      List<String> prose = was != null && was.prose.equals(e.prose()) ? was.prose : e.prose();
      w = new Read(plan, u.title(), headings, e.tasks(), prose);
    }
    next.put(part, w);
    return new SearchIndex.Entry(u, w.headings, w.tasks, w.prose);
  }

  /**
   * Writes the entries into the list of units, each with the headings and sentences that few units
   * share. The counts are brought up to date from the lists that changed; an entry is filtered
   * again only if its unit or lists changed, the threshold moved, or one of its headings or
   * sentences crossed it, since nothing else can change what it keeps.
   */
  void write(List<SearchIndex.Entry> entries, ByteArrayOutputStream out) {
    int threshold = SearchIndex.common(entries.size());
    boolean sameThreshold = threshold == common;
    // Forgotten until every entry is written: after a round that failed halfway, the next one
    // filters every entry again instead of trusting entries written before the counts changed.
    common = UNKNOWN;
    Set<String> crossedHeadings =
        headings.recount(entries.stream().map(SearchIndex.Entry::headings).toList(), threshold);
    Set<String> crossedProse =
        prose.recount(entries.stream().map(SearchIndex.Entry::prose).toList(), threshold);
    for (int i = 0; i < entries.size(); i++) {
      SearchIndex.Entry e = entries.get(i);
      Written w = sameThreshold ? unchanged(e, crossedHeadings, crossedProse) : null;
      if (w == null) {
        w = filtered(e, threshold);
      }
      nextWritten.put(e.unit().id(), w);
      SearchIndex.append(out, i, w.bytes);
    }
    common = threshold;
    endRound();
  }

  /**
   * The entry as last written if it would be written the same: the same unit, the same lists, and
   * none of their headings or sentences crossed the (unchanged) threshold. Null if not.
   */
  private Written unchanged(
      SearchIndex.Entry e, Set<String> crossedHeadings, Set<String> crossedProse) {
    Written w = lastWritten.get(e.unit().id());
    boolean same =
        w != null
            && w.headings == e.headings()
            && w.prose == e.prose()
            && (w.unit == e.unit() || w.unit.equals(e.unit()))
            && noneOf(crossedHeadings, e.headings())
            && noneOf(crossedProse, e.prose());
    return same ? w : null;
  }

  /**
   * The entry filtered against the counts; its JSON as last written if the unit and what it keeps
   * are the same (a plan parsed again without a change of its prose, or a threshold that moved
   * without touching it), else written again.
   */
  private Written filtered(SearchIndex.Entry e, int threshold) {
    List<String> keptHeadings = headings.rare(e.headings(), threshold, Integer.MAX_VALUE);
    List<String> keptProse = prose.rare(e.prose(), threshold, Integer.MAX_VALUE);
    Written was = lastWritten.get(e.unit().id());
    byte[] bytes =
        was != null
                && (was.unit == e.unit() || was.unit.equals(e.unit()))
                && was.keptHeadings.equals(keptHeadings)
                && was.keptProse.equals(keptProse)
            ? was.bytes
            : SearchIndex.json(e.unit(), keptHeadings, e.tasks(), keptProse);
    return new Written(e.unit(), e.headings(), e.prose(), keptHeadings, keptProse, bytes);
  }

  /** Whether no string of {@code strings} is in {@code crossed} (nearly always empty). */
  private static boolean noneOf(Set<String> crossed, List<String> strings) {
    if (crossed.isEmpty()) {
      return true;
    }
    for (String s : strings) {
      if (crossed.contains(s)) {
        return false;
      }
    }
    return true;
  }

  /** Keeps what this index used for the next, and forgets the rest. */
  private void endRound() {
    last = new IdentityHashMap<>(next);
    next.clear();
    lastWritten = nextWritten;
    nextWritten = new HashMap<>(2 * lastWritten.size());
  }
}
