package dev.planbake.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One commit of the plans' git history, as a page shows it.
 *
 * @param id the full object id (40 hex digits)
 * @param author the author's name
 * @param when when the author wrote it
 * @param offset the author's time zone then, so that a date reads as the author saw it
 * @param subject the first line of the message
 */
public record Commit(String id, String author, Instant when, ZoneOffset offset, String subject) {

  /** The first seven digits of the id, as git prints it. */
  public String shortId() {
    return id.substring(0, Math.min(7, id.length()));
  }

  /** The day it was written, in the author's time zone. */
  public LocalDate date() {
    return LocalDate.ofInstant(when, offset);
  }
}
