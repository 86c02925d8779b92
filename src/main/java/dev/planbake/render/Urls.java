package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.Status;
import dev.planbake.model.Unit;

/** Every URL of the site, relative to its root, in one place so that links and files agree. */
final class Urls {
  private Urls() {}

  static String plan(Plan p) {
    return plan(p.slug());
  }

  static String plan(String slug) {
    return "plans/" + slug + "/";
  }

  /** Where a unit is shown: its plan page, at its section for units of a multi-unit file. */
  static String unitPage(Unit u) {
    if (u.placeholder()) {
      return unitPermalink(u);
    }
    String anchor = u.part() == null ? "" : u.part().anchor();
    return plan(u.planSlug()) + (anchor.isEmpty() ? "" : "#" + anchor);
  }

  static String unitPermalink(Unit u) {
    return "units/" + u.id().path() + "/";
  }

  static String status(Status s) {
    return "status/" + s.slug() + "/";
  }

  static String badge(Plan p) {
    return "badges/" + p.slug() + ".svg";
  }
}
