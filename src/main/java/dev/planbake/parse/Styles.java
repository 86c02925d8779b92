package dev.planbake.parse;

import dev.planbake.model.Field;
import dev.planbake.model.Style;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises which template a plan was written from; anything unrecognised is generic. */
final class Styles {
  private Styles() {}

  private static final Pattern TECHNICAL_H1 =
      Pattern.compile("(?i)^technical implementation plan\\b.*");
  private static final Pattern SPEC_H1 = Pattern.compile("(?i)^plan spec\\b.*");
  private static final Pattern SPECKIT_H1 = Pattern.compile("(?i)^implementation plan\\s*[:—–-].*");
  private static final Pattern PHASED_H1 =
      Pattern.compile("(?i).*\\bimplementation plan\\s*(?:\\((?:issue\\s*)?#\\d+\\))?\\s*$");

  static Style detect(String source, Doc doc, Meta meta, boolean hasUnit, boolean featureFolder) {
    String h1 = PlainText.stripDecoration(doc.h1());
    if (hasUnit) {
      return Style.UNIT;
    }
    if (TECHNICAL_H1.matcher(h1).matches() || preambleHas(doc, "ticket", "approach")) {
      return Style.TECHNICAL;
    }
    if (SPEC_H1.matcher(h1).matches() || doc.stageHeadings() >= 2) {
      return Style.SPEC;
    }
    if (featureFolder
        || (SPECKIT_H1.matcher(h1).matches() && preambleHas(doc, "branch", "feature spec"))) {
      return Style.SPECKIT;
    }
    boolean phases = !doc.content().phases().isEmpty();
    if (PHASED_H1.matcher(h1).matches() || (phases && doc.verificationHeadings())) {
      return Style.PHASED;
    }
    return Style.GENERIC;
  }

  private static boolean preambleHas(Doc doc, String... keys) {
    for (Doc.ScopedField sf : doc.fields()) {
      if (sf.headingLevel() > 1) {
        continue;
      }
      Field f = sf.field();
      String k = f.key().toLowerCase(Locale.ROOT).strip();
      for (String key : keys) {
        if (k.equals(key) || k.endsWith(" " + key)) {
          return true;
        }
      }
    }
    return false;
  }
}
