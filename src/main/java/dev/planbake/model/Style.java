package dev.planbake.model;

import java.util.Locale;

/** The template family a plan was written from; decides where its progress lives. */
public enum Style {
  UNIT,
  TECHNICAL,
  SPEC,
  SPECKIT,
  PHASED,
  GENERIC;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
