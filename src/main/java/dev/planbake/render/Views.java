package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Progress;
import dev.planbake.model.Standing;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;
import dev.planbake.model.UnitId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the small view records every page shares: units, statuses, progress. */
final class Views {
  private final Map<UnitId, Unit> units;
  private final Map<String, Plan> plans;
  private final Rows rows;

  Views(Map<UnitId, Unit> units, Map<String, Plan> plans, Rows rows) {
    this.units = units;
    this.plans = plans;
    this.rows = rows;
  }

  /**
   * The rows of long tables, drawn once by their templates and kept, and each unit's reference by
   * the way to the site root it was made for: pages refer to the same units over and over
   * (neighbourhoods, lists, graphs).
   */
  Rows rows() {
    return rows;
  }

  static View.Progress progress(Progress p) {
    return new View.Progress(p.done(), p.total(), p.percent());
  }

  static View.Status status(Status s) {
    String icon =
        switch (s) {
          case DONE -> "✓";
          case IN_PROGRESS -> "◐";
          case PLANNED -> "○";
          case DRAFT -> "✎";
          case REVIEW -> "◎";
          case BLOCKED -> "■";
          case CANCELLED -> "✕";
          case NONE -> "–";
        };
    return new View.Status(s.slug(), s.label(), icon);
  }

  /** A standing with the glyph that shows it without colour: what every badge shows. */
  static View.Status standing(Standing s) {
    String icon =
        switch (s) {
          case DONE -> "✓";
          case IN_PROGRESS -> "◐";
          case REVIEW -> "◎";
          case READY -> "▶";
          case BLOCKED -> "■";
          case DRAFT -> "✎";
          case CANCELLED -> "✕";
          case NONE -> "–";
        };
    return new View.Status(s.slug(), s.label(), icon);
  }

  /** How a unit looks wherever it is shown: its standing, or "not yet planned". */
  static View.Status look(Unit u) {
    return u.placeholder() ? NOT_YET_PLANNED : standing(u.standing());
  }

  /**
   * What a unit's badge adds when its status and its boxes tell different stories: a done unit with
   * unticked boxes, an open unit with every box ticked ("" when they agree).
   */
  static String note(Unit u) {
    Progress p = u.progress();
    if (u.doneWithOpenBoxes()) {
      int open = p.total() - p.done();
      return open + " of " + p.total() + (p.total() == 1 ? " box" : " boxes") + " unticked";
    }
    if (u.openWithAllTicked()) {
      return p.total() == 1 ? "its box is ticked" : "all " + p.total() + " boxes ticked";
    }
    return "";
  }

  /** The owner a unit is listed under: its plan's ("" if none). */
  String owner(Unit u) {
    Plan plan = plans.get(u.planSlug());
    return plan == null ? "" : plan.metadata().owner().strip();
  }

  /** The tags a unit is listed under: its plan's. */
  List<String> tags(Unit u) {
    Plan plan = plans.get(u.planSlug());
    return plan == null ? List.of() : plan.metadata().tags();
  }

  /** The placeholder's status: planned somewhere, but no plan is written yet. */
  static final View.Status NOT_YET_PLANNED = new View.Status("placeholder", "Not yet planned", "◌");

  /** The unit of an id, or null for an id no unit has. */
  Unit unit(UnitId id) {
    return units.get(id);
  }

  View.UnitRef ref(UnitId id, String root) {
    Unit u = units.get(id);
    if (u == null) {
      return new View.UnitRef(
          id.toString(),
          id.toString(),
          "",
          "",
          NOT_YET_PLANNED,
          progress(Progress.EMPTY),
          false,
          false,
          false,
          "",
          true,
          "",
          "",
          "",
          id.isNumbered());
    }
    return ref(u, root);
  }

  View.UnitRef ref(Unit u, String root) {
    if (units.get(u.id()) != u) {
      return makeRef(u, root);
    }
    return rows.ref(u, plans.get(u.planSlug()), root, () -> makeRef(u, root));
  }

  private View.UnitRef makeRef(Unit u, String root) {
    Plan plan = plans.get(u.planSlug());
    String owner = owner(u);
    return new View.UnitRef(
        u.id().toString(),
        u.label(),
        u.title(),
        root + (u.placeholder() ? Urls.unitPermalink(u) : Urls.unitPage(u)),
        look(u),
        progress(u.progress()),
        u.blocked(),
        u.ready(),
        u.waiting(),
        note(u),
        u.placeholder(),
        owner,
        owner.isEmpty() ? "" : root + Urls.owner(owner),
        date(u, plan),
        u.id().isNumbered());
  }

  List<View.UnitRef> refs(List<UnitId> ids, String root) {
    List<View.UnitRef> out = new ArrayList<>(ids.size());
    for (UnitId id : ids) {
      out.add(ref(id, root));
    }
    return out;
  }

  /** A unit in a list, with the unfinished units it waits on and its author's reason. */
  View.Row row(Unit u, String root) {
    View.UnitRef ref = ref(u, root);
    return rows.drawn(
        "row",
        ref,
        new View.Row(ref, refs(u.waitingOn(), root), u.blockedReason(), ""),
        View.Row::withHtml);
  }

  /** The date a unit's reference shows, without making the reference. */
  String date(Unit u) {
    return date(u, plans.get(u.planSlug()));
  }

  /** The newest date a plan states: updated, else created, else one in its file name. */
  static String date(Unit u, Plan plan) {
    if (plan == null) {
      return "";
    }
    for (String d : List.of(plan.metadata().updated(), plan.metadata().created(), u.source())) {
      String date = isoDate(d);
      if (!date.isEmpty()) {
        return date;
      }
    }
    return "";
  }

  /**
   * The first {@code YYYY-MM-DD} in {@code text} (ASCII digits, as the pattern {@code
   * \\d{4}-\\d{2}-\\d{2}} finds it), or "". By hand: the dashboard asks it of every unit on every
   * build and edit.
   */
  static String isoDate(String text) {
    for (int i = text.indexOf('-');
        i >= 0 && i + 6 <= text.length();
        i = text.indexOf('-', i + 1)) {
      int from = i - 4;
      if (from >= 0
          && digits(text, from, 4)
          && digits(text, i + 1, 2)
          && text.charAt(i + 3) == '-'
          && digits(text, i + 4, 2)) {
        return text.substring(from, i + 6);
      }
    }
    return "";
  }

  private static boolean digits(String text, int from, int n) {
    for (int i = from; i < from + n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** "Unit 2.0 · in progress · 7/12 tasks": what a link preview says. */
  static String summary(Unit u) {
    Progress p = u.progress();
    String tasks = p.total() == 0 ? "no tasks" : p.done() + "/" + p.total() + " tasks";
    String status =
        u.placeholder() ? "not yet planned" : u.status().label().toLowerCase(java.util.Locale.ROOT);
    return u.label() + " · " + status + " · " + tasks;
  }
}
