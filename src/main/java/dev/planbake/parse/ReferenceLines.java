package dev.planbake.parse;

import dev.planbake.diag.Position;
import dev.planbake.model.Reference;
import dev.planbake.model.Reference.Direction;
import dev.planbake.model.Reference.Kind;
import dev.planbake.model.Reference.Target;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The references of a file's lines, read as {@link DocumentReader} walks it: labelled lines
 * ("**Depends on:** 1.1"), the lines of a dependency section and of an execution-order section,
 * lists after a label alone ("**Dependencies:**"), and units merely mentioned. Where a line is
 * decides what it says, so this reads the stack of sections open around it.
 */
final class ReferenceLines {
  private static final Pattern OTHER_LABEL = Pattern.compile("^\\W*[^:]{1,60}:\\W*$");

  private final Deque<OpenSection> stack;
  private final IntFunction<Position> at;
  private final List<Reference> refs = new ArrayList<>();

  /** The direction of a label alone at the end of the paragraph before ("**Dependencies:**"). */
  private Direction listDirection;

  ReferenceLines(Deque<OpenSection> stack, IntFunction<Position> at) {
    this.stack = stack;
    this.at = at;
  }

  /** The references read so far, in the order of their lines. */
  List<Reference> refs() {
    return refs;
  }

  /** The direction of a label that closed the paragraph before reaches the next list only. */
  void endList() {
    listDirection = null;
  }

  /**
   * Reads one line of a block: {@code code} and {@code diagram} say whether it is in a code block
   * and a drawing, {@code inList} whether in a list, {@code paragraphLast} the last line of the
   * paragraph being read (-1 outside one).
   */
  void line(int l, String text, boolean code, boolean diagram, boolean inList, int paragraphLast) {
    OpenSection refSection = nearestRefSection();
    OpenSection orderSection = refSection == null || !diagram ? nearestOrderSection() : null;
    List<OrderText.Order> orders =
        orderSection != null ? OrderText.read(text, orderSection.waves) : List.of();
    OrderText.Order said = refSection == null && !code ? OrderText.subjectLabel(text) : null;
    if (!orders.isEmpty() || said != null) {
      // "1.3 → after 1.1" in an execution order, "**2. x** (Depends on: y)": said of another unit.
      for (OrderText.Order o : said != null ? List.of(said) : orders) {
        for (Target subject : o.subjects()) {
          addRefs(o.after(), Direction.DEPENDS_ON, text, l, subject);
        }
      }
    } else if (refSection != null && diagram) {
      // Named in a drawing of the order, not as this plan's dependency.
    } else if (refSection != null) {
      onRefSectionLine(refSection, l, text);
    } else if (!code) {
      List<Labels.Label> labels = Labels.labels(text);
      if (!labels.isEmpty()) {
        for (Labels.Label label : labels) {
          addRefs(RefText.labelTargets(label.rest()), label.direction(), text, l);
        }
        Labels.Label last = labels.get(labels.size() - 1);
        // "**Dependencies:**" closing a paragraph: the list right after it names what it says.
        listDirection = last.alone() && l == paragraphLast ? last.direction() : null;
      } else if (listDirection != null && inList) {
        addRefs(RefText.asItems(RefText.named(text), text), listDirection, text, l);
      } else {
        List<Target> mentioned = new ArrayList<>();
        for (Target t : RefText.targets(text, false)) {
          if (t.kind() == Kind.UNIT || t.kind() == Kind.QUALIFIED || t.kind() == Kind.PATH) {
            mentioned.add(t);
          }
        }
        addRefs(mentioned, Direction.MENTION, text, l);
      }
    }
  }

  private void onRefSectionLine(OpenSection section, int l, String text) {
    Labels.Label label = Labels.label(text, false);
    if (label != null && label.alone()) {
      section.subDirection = label.direction();
      return;
    }
    if (label == null && text.indexOf(':') >= 0 && OTHER_LABEL.matcher(text).matches()) {
      // A label we do not know ("Parallel Workstreams:"): what follows has no ordering.
      section.subDirection = Direction.RELATED;
      return;
    }
    List<Target> dependents = label == null ? RefText.dependents(text) : List.of();
    if (!dependents.isEmpty()) {
      // "Spec 003 depends on: ObjectId (T004)": the named unit needs this one; a phase of this
      // file as the subject orders the file's own sections.
      addRefs(
          dependents.stream().filter(t -> t.kind() != Kind.PHASE).toList(),
          Direction.ENABLES,
          text,
          l);
      return;
    }
    Direction d =
        label != null
            ? label.direction()
            : section.subDirection != null ? section.subDirection : section.refDirection;
    addRefs(
        label != null
            ? RefText.labelTargets(label.rest())
            : RefText.asItems(RefText.named(text), text),
        d,
        text,
        l);
  }

  private void addRefs(List<Target> targets, Direction d, String text, int l) {
    addRefs(targets, d, text, l, null);
  }

  private void addRefs(List<Target> targets, Direction d, String text, int l, Target subject) {
    if (targets.isEmpty()) {
      return;
    }
    if (d != Direction.RELATED && d != Direction.MENTION && Labels.deniesOrder(text)) {
      // "MUST remain independently shippable in either order": named, but no order between them.
      d = Direction.RELATED;
    }
    // One copy of the line for all its targets, and each target once: a 200 KB line naming #48
    // forty thousand times once held forty thousand copies of itself (6 GB).
    String line = text.strip();
    Position at = this.at.apply(l);
    String phase = "";
    for (OpenSection o : stack) {
      if (o.phaseNumber != null) {
        phase = o.phaseNumber;
        break;
      }
    }
    for (Target t : new LinkedHashSet<>(targets)) {
      refs.add(new Reference(t, d, line, at, phase, subject));
    }
  }

  /** The execution-order section the line is in, if no unit section is nearer. */
  private OpenSection nearestOrderSection() {
    for (OpenSection o : stack) {
      if (o.order) {
        return o;
      }
      if (o.unit != null) {
        return null;
      }
    }
    return null;
  }

  private OpenSection nearestRefSection() {
    for (OpenSection o : stack) {
      if (o.unit != null || o.phaseNumber != null || o.things) {
        return null;
      }
      if (o.refDirection != null) {
        return o;
      }
    }
    return null;
  }
}
