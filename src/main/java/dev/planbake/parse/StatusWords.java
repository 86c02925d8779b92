package dev.planbake.parse;

import dev.planbake.model.Status;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the words people use for status ("✅ SHIPPED 2026-06-03", "WIP", "Approved") to a {@link
 * Status}. The earliest status word in the text wins, so "Not started" is planned, not started; an
 * emoji counts only in text without a status word.
 */
final class StatusWords {
  private StatusWords() {}

  // Longer phrases come first inside each alternation so that "in progress" beats "progress".
  private static final Pattern WORDS =
      Pattern.compile(
          "(?<awaiting>\\bready (?:for|to) (?:review|merge|qa)\\b|\\bneeds? (?:review|verification)\\b"
              + "|\\b(?:awaiting|pending) (?:review|verification)\\b)"
              + "|(?<cancelled>\\bnot planned\\b|\\babandoned\\b|\\bcancel+ed\\b|\\bsuperseded\\b"
              + "|\\bwon['’]?t (?:do|fix|implement)\\b|\\bwontfix\\b|\\bskipped\\b|\\bdropped\\b"
              + "|\\bdeprecated\\b|\\bobsolete\\b|\\brejected\\b|❌)"
              + "|(?<planned>\\bnot[ _-](?:yet[ _-])?(?:started|implemented|begun|done)\\b|\\bto[ _-]?do\\b"
              + "|\\bproposed\\b|\\bproposal\\b|\\bplanned\\b|\\bplanning\\b|\\bapproved\\b"
              + "|\\baccepted\\b|\\bpending\\b"
              + "|\\bbacklog\\b|\\bready\\b|\\bnew\\b|\\bopen\\b|\\bqueued\\b|📋)"
              + "|(?<blocked>\\bblocked\\b|\\bon hold\\b|\\bpaused\\b|\\bstalled\\b)"
              + "|(?<review>\\bin review\\b|\\breview\\b|\\bunder review\\b|\\bin qa\\b)"
              + "|(?<progress>\\bin[ _-]progress\\b|\\bwip\\b|\\bstarted\\b|\\bongoing\\b"
              + "|\\bunder (?:development|way|construction)\\b|\\bunderway\\b"
              + "|\\bin development\\b|\\bimplementing\\b|\\bactive\\b|\\bpartial(?:ly)?\\b"
              + "|⏳|🚧|🔄|🟡)"
              + "|(?<done>\\bshipped\\b|\\bcompleted?\\b|\\bdone\\b|\\bmerged\\b|\\bimplemented\\b"
              + "|\\bfinished\\b|\\breleased\\b|\\bdelivered\\b|\\bclosed\\b|\\bresolved\\b"
              + "|\\bpublished\\b|\\bverified\\b|\\blanded\\b|\\bdeployed\\b|✅|✔️?)"
              + "|(?<draft>\\bdraft\\b)");

  /** The status the text names, if any. */
  static Optional<Status> of(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    // A word says more than an emoji: "✅ APPROVED" is approved, not done.
    Matcher m = WORDS.matcher(text.toLowerCase(Locale.ROOT));
    Status emoji = null;
    while (m.find()) {
      Status s = status(m);
      if (m.group().chars().anyMatch(Character::isLetter)) {
        return Optional.of(s);
      }
      if (emoji == null) {
        emoji = s;
      }
    }
    return Optional.ofNullable(emoji);
  }

  private static Status status(Matcher m) {
    if (m.group("awaiting") != null) {
      return Status.REVIEW;
    }
    if (m.group("planned") != null) {
      return Status.PLANNED;
    }
    if (m.group("cancelled") != null) {
      return Status.CANCELLED;
    }
    if (m.group("blocked") != null) {
      return Status.BLOCKED;
    }
    if (m.group("review") != null) {
      return Status.REVIEW;
    }
    if (m.group("progress") != null) {
      return Status.IN_PROGRESS;
    }
    if (m.group("done") != null) {
      return Status.DONE;
    }
    return Status.DRAFT;
  }

  /**
   * The status a header value states. JBake's {@code published} is about publishing, not about the
   * work, so it states nothing.
   */
  static Optional<Status> ofMetadata(String value) {
    return isPublishing(value) ? Optional.empty() : of(value);
  }

  /** JBake's {@code status: published}: about publishing the page, not about the work. */
  static boolean isPublishing(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("published") || v.equals("publish");
  }

  /**
   * The status of a text that is nothing but a status word, perhaps with emoji and punctuation ("✅
   * COMPLETED", "Done"); empty for any other text.
   */
  static Optional<Status> only(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher m = WORDS.matcher(lower);
    while (m.find()) {
      if (m.group().chars().anyMatch(Character::isLetter)) {
        String rest = lower.substring(0, m.start()) + lower.substring(m.end());
        return rest.codePoints().anyMatch(Character::isLetterOrDigit)
            ? Optional.empty()
            : Optional.of(status(m));
      }
    }
    return Optional.empty();
  }

  /**
   * Where in {@code lowerText} (already in lower case) the status it names is written: the first
   * status word, else the first status emoji; -1 if none.
   */
  static int firstWordAt(String lowerText) {
    Matcher m = WORDS.matcher(lowerText);
    int emoji = -1;
    while (m.find()) {
      if (m.group().chars().anyMatch(Character::isLetter)) {
        return m.start();
      }
      if (emoji < 0) {
        emoji = m.start();
      }
    }
    return emoji;
  }

  /**
   * Whether {@code folder} is the data root of a tool rather than a status: Backlog.md keeps every
   * task, whatever its status, under {@code backlog/tasks/} (and its drafts, docs, decisions,
   * completed and archive folders beside it), so {@code backlog/} there says nothing.
   */
  static boolean isDataRoot(String folder, String child) {
    return folder.equalsIgnoreCase("backlog")
        && switch (child.toLowerCase(Locale.ROOT)) {
          case "tasks", "drafts", "docs", "decisions", "completed", "archive" -> true;
          default -> false;
        };
  }

  /** The status a folder name implies: done/, active/, backlog/ and their synonyms. */
  static Optional<Status> ofFolder(String folder) {
    return switch (folder.toLowerCase(Locale.ROOT)) {
      case "done", "completed", "complete", "archive", "archived", "shipped", "finished" ->
          Optional.of(Status.DONE);
      case "active", "in-progress", "in_progress", "inprogress", "wip", "doing", "current" ->
          Optional.of(Status.IN_PROGRESS);
      case "backlog", "proposed", "planned", "todo", "pending", "future", "ideas" ->
          Optional.of(Status.PLANNED);
      case "draft", "drafts" -> Optional.of(Status.DRAFT);
      case "cancelled", "canceled", "abandoned", "rejected" -> Optional.of(Status.CANCELLED);
      case "blocked", "on-hold" -> Optional.of(Status.BLOCKED);
      default -> Optional.empty();
    };
  }
}
