package dev.planbake.render;

import dev.planbake.model.Changelog;
import dev.planbake.model.Commit;
import dev.planbake.model.FileHistory;
import dev.planbake.model.History;
import dev.planbake.model.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How current a page is, from git: the commit the site is built from (every footer) and when each
 * plan was created and last changed, by whom. Dates are the authors' own days and nothing depends
 * on the time of the build, so the same commit gives the same bytes.
 */
final class Freshness {
  /**
   * An edit link's start on a forge that shows commits beside files: GitHub, Gitea, Forgejo and
   * Codeberg ({@code https://host/owner/repo/edit/branch/}), and GitLab ({@code /-/edit/}).
   */
  private static final Pattern FORGE =
      Pattern.compile("^(https?://[^/]+/[^/]+/[^/]+?)(/-)?/(?:edit|blob|tree|src)/.*$");

  private final History history;
  private final Changelog changelog;
  private final String commitBase;
  private final Memo memo;

  /**
   * @param memo what the last updates of the same renderer made from the history, kept between them
   *     (a fresh one renders everything)
   */
  Freshness(History history, Changelog changelog, String editUrl, Memo memo) {
    this.history = history;
    this.changelog = changelog;
    this.commitBase = commitBase(editUrl);
    this.memo = memo;
  }

  /**
   * What a renderer kept of the history between updates (under serve an edit renders the pages that
   * show history again while the history stays as it was): each plan's dates for the history they
   * were read from, and the last {@code /changes/} page for the view it was rendered from.
   */
  static final class Memo {
    private History datesOf;
    private final Map<PlanFiles, Optional<View.PlanHistory>> dates = new ConcurrentHashMap<>();
    private Object pageKey;
    private Page page;

    /** The page rendered from {@code key} last time, or a new one {@code render} makes. */
    synchronized Page page(Object key, Supplier<Page> render) {
      if (page == null || !key.equals(pageKey)) {
        page = render.get();
        pageKey = key;
      }
      return page;
    }

    private synchronized Map<PlanFiles, Optional<View.PlanHistory>> dates(History h) {
      if (datesOf != h) {
        dates.clear();
        datesOf = h;
      }
      return dates;
    }
  }

  /** A plan's files, which its dates come from. */
  private record PlanFiles(Path root, List<String> files) {}

  Memo memo() {
    return memo;
  }

  History history() {
    return history;
  }

  Changelog changelog() {
    return changelog;
  }

  /** Where a commit is shown, from the edit link's repository ("" when it names none). */
  static String commitBase(String editUrl) {
    Matcher m = FORGE.matcher(editUrl);
    if (!m.matches()) {
      return "";
    }
    return m.group(1) + (m.group(2) == null ? "" : "/-") + "/commit/";
  }

  /** The day of the commit being built: the timeline's today; null outside git. */
  java.time.LocalDate today() {
    return history.present() ? history.head().date() : null;
  }

  /** The footer's line, or null when the plans have no git history. */
  View.Built built() {
    if (!history.present()) {
      return null;
    }
    Commit c = history.head();
    return new View.Built(c.shortId(), c.id(), c.date().toString(), url(c), history.shallow());
  }

  /**
   * When {@code p}'s files were created (the oldest creation) and last changed (the newest change),
   * or null when none of them is committed.
   */
  View.PlanHistory of(Plan p) {
    if (!history.present()) {
      return null;
    }
    return memo.dates(history)
        .computeIfAbsent(new PlanFiles(p.root(), p.files()), k -> Optional.ofNullable(read(p)))
        .orElse(null);
  }

  private View.PlanHistory read(Plan p) {
    Commit created = null;
    Commit changed = null;
    boolean unknownStart = false;
    boolean any = false;
    for (String f : p.files()) {
      FileHistory h = history.of(p.root().resolve(f));
      if (h == null) {
        continue;
      }
      any = true;
      if (h.created() == null) {
        unknownStart = true;
      } else if (created == null || h.created().when().isBefore(created.when())) {
        created = h.created();
      }
      if (changed == null || h.changed().when().isAfter(changed.when())) {
        changed = h.changed();
      }
    }
    if (!any) {
      return null;
    }
    // A file whose start the shallow history does not hold may be older than every known one.
    Commit shownCreated = unknownStart ? null : created;
    return new View.PlanHistory(
        shownCreated == null ? "" : shownCreated.date().toString(),
        shownCreated == null ? "" : shownCreated.author(),
        shownCreated == null ? "" : url(shownCreated),
        changed.date().toString(),
        changed.author(),
        changed.shortId(),
        url(changed),
        history.shallow());
  }

  /** The commit on the forge the edit link names, or "". */
  String url(Commit c) {
    return commitBase.isEmpty() ? "" : commitBase + c.id();
  }
}
