package dev.planbake.render;

import dev.planbake.model.Plan;
import dev.planbake.model.SafePath;
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

  /** A unit's focus view: what it waits on and what waits on it, transitively. */
  static String focus(Unit u) {
    return unitPermalink(u) + "graph/";
  }

  static String status(Status s) {
    return "status/" + s.slug() + "/";
  }

  /** A list of units: {@code status/ready/}, {@code status/planned/} ... */
  static String list(String slug) {
    return "status/" + slug + "/";
  }

  static String owner(String name) {
    return "owners/" + nameSlug(name) + "/";
  }

  static String tag(String name) {
    return "tags/" + nameSlug(name) + "/";
  }

  /** An owner's or tag's name in a URL; one made only of signs becomes its code points. */
  static String nameSlug(String name) {
    String s = SafePath.slug(name);
    if (s.length() > 80) {
      s = s.substring(0, 80).replaceAll("-+$", "");
    }
    if (SafePath.isReserved(s)) {
      s = s + "-1";
    }
    if (s.isEmpty()) {
      StringBuilder sb = new StringBuilder("u");
      name.strip()
          .codePoints()
          .limit(20)
          .forEach(c -> sb.append('-').append(Integer.toHexString(c)));
      s = sb.toString();
    }
    return s;
  }

  static String badge(Plan p) {
    return "badges/" + p.slug() + ".svg";
  }
}
